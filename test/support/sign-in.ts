import type { Caller } from '../../infra/local/graphql-client';
import type { RunningPlatform } from '../../infra/local/platform';
import { codePath, signInPath } from '../../infra/local/sign-in-page';

/** The newest one-time code the local identity issuer sent to `email`. */
export function latestCode(platform: RunningPlatform, email: string): string {
  const message = platform.people.outbox.findLast((sent) => sent.to === email);
  if (!message) throw new Error(`No message was sent to ${email}`);
  return message.code;
}

/**
 * Signs in on the local identity issuer's sign-in page as a person would: asks for a fresh code
 * unless `useInvitation`, then exchanges it for a token. Null when the sign-in is refused.
 */
export async function signIn(
  platform: RunningPlatform,
  email: string,
  options: { useInvitation?: boolean } = {},
): Promise<Caller | null> {
  if (!options.useInvitation) await post(platform, codePath, { email });
  const code = latestCode(platform, email);
  const response = await post(platform, signInPath, { email, code });
  if (response.status !== 200) return null;
  const { idToken } = (await response.json()) as { idToken: string };
  return { token: idToken };
}

export function post(platform: RunningPlatform, path: string, body: Record<string, string>) {
  return fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
