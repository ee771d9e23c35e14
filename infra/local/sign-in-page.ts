import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalIdentityDirectory } from './identity-directory';
import type { LocalIdentityIssuer } from './identity';
import type { LocalRoute } from './http-gateway';

export const signInPath = '/local/identity/sign-in';
export const codePath = '/local/identity/code';

/** Sign-in forms are small; anything bigger is refused before it is read. */
const maxFormBytes = 4_096;
/** Cognito's pool asks for 12 characters; the local issuer asks the same. */
const minPasswordLength = 12;

/**
 * The local identity issuer's sign-in page: an email address and a one-time code (from the
 * invitation, or asked for here) or a password, and back comes the same ID token Cognito would
 * issue, with the person's roles as they are now. Browsers get HTML, scripts JSON
 * (`content-type: application/json` in, `{ idToken }` out).
 */
export function signInRoutes(
  issuer: LocalIdentityIssuer,
  directory: LocalIdentityDirectory,
): Record<string, LocalRoute> {
  return {
    [signInPath]: (request, response) => {
      if (request.method === 'GET') return send(response, 200, page());
      void respond(request, response, async (form) => {
        const user = directory.signIn({
          email: form.email ?? '',
          code: form.code || undefined,
          password: form.password || undefined,
          newPassword: form.newPassword || undefined,
        });
        if (!user)
          return {
            status: 401,
            message: 'That email address and code or password do not match an active account.',
          };
        return { status: 200, idToken: await issuer.mintFor(user) };
      });
    },
    [codePath]: (request, response) => {
      void respond(request, response, (form) => {
        // The same answer whether or not the address is known.
        directory.requestCode(form.email ?? '');
        return Promise.resolve({
          status: 202,
          message: 'If the address has an account, a code is on its way (printed by npm start).',
        });
      });
    },
  };
}

type Outcome = { status: number; message?: string; idToken?: string };

async function respond(
  request: IncomingMessage,
  response: ServerResponse,
  act: (form: Record<string, string | undefined>) => Promise<Outcome>,
): Promise<void> {
  const json = (request.headers['content-type'] ?? '').includes('application/json');
  if (request.method !== 'POST') return send(response, 405, page('Use the form.'));
  const body = await readSmallBody(request);
  if (body === null) return send(response, 413, page('The form is too large.'));
  let form: Record<string, string | undefined>;
  try {
    form = json
      ? (stringsOf(JSON.parse(body)) ?? {})
      : Object.fromEntries(new URLSearchParams(body).entries());
  } catch {
    return send(response, 400, page('The form could not be read.'), json);
  }
  if (form.newPassword && form.newPassword.length < minPasswordLength) {
    const message = `A new password needs at least ${minPasswordLength} characters.`;
    return json ? sendJson(response, 400, { message }) : send(response, 400, page(message));
  }
  const outcome = await act(form);
  if (json) return sendJson(response, outcome.status, { ...outcome, status: undefined });
  send(
    response,
    outcome.status,
    outcome.idToken ? tokenPage(outcome.idToken) : page(outcome.message),
  );
}

function stringsOf(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null) return null;
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function readSmallBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxFormBytes) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > maxFormBytes ? null : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, html: string, asJson = false): void {
  if (asJson) return sendJson(response, status, { message: 'The request could not be read.' });
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  response.end(html);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function page(notice?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Tessera (local)</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.4rem 1rem}</style></head>
<body><h1>Sign in to Tessera</h1><p>The local identity issuer: the stand-in for Cognito when Tessera runs on one machine.</p>
${notice ? `<p role="status"><strong>${escape(notice)}</strong></p>` : ''}
<form method="post" action="${signInPath}">
<label for="email">Email address</label><input id="email" name="email" type="email" required autocomplete="username">
<label for="code">One-time code (from your invitation, or ask for one below)</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code">
<label for="password">or your password</label><input id="password" name="password" type="password" autocomplete="current-password">
<label for="newPassword">Choose a password (optional, with a code; at least ${minPasswordLength} characters)</label><input id="newPassword" name="newPassword" type="password" autocomplete="new-password">
<button type="submit">Sign in</button></form>
<form method="post" action="${codePath}"><label for="code-email">Email me a new code</label><input id="code-email" name="email" type="email" required><button type="submit">Send a code</button></form>
</body></html>`;
}

function tokenPage(token: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in · Tessera (local)</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto"><h1>Signed in</h1>
<p>Your ID token (send it as <code>authorization: Bearer …</code> to <code>/graphql</code>):</p>
<textarea readonly rows="8" style="width:100%" aria-label="ID token">${escape(token)}</textarea></body></html>`;
}
