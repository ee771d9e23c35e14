import { authorize } from '../auth/policy';
import { withVerifiedEmail, type Principal } from '../auth/principal';
import { ValidationError } from '../shared/errors';
import type { Clock } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { messageKindNames, messageKinds, preferenceInput, type MessageKind } from './model';
import { emailKey } from './notify';
import type { PreferenceRepository } from './ports';

/** One kind of message as a person sees their settings. */
export interface PreferenceView {
  readonly kind: MessageKind;
  readonly enabled: boolean;
  /** False for status and security messages, which are always sent. */
  readonly optional: boolean;
}

/**
 * Each person's choice of messages, kept by the hash of their verified email (messages are
 * addressed by email, and one person may be a learner and staff at once).
 */
export class NotificationPreferencesService {
  constructor(
    private readonly deps: { readonly preferences: PreferenceRepository; readonly clock: Clock },
  ) {}

  async get(principal: Principal): Promise<PreferenceView[]> {
    authorize(principal, 'notifications.preferences');
    const { email } = withVerifiedEmail(principal, 'Message settings need a verified email.');
    const stored = await this.deps.preferences.get(emailKey(email));
    return views(stored?.optedOut ?? []);
  }

  async set(principal: Principal, input: unknown): Promise<PreferenceView[]> {
    authorize(principal, 'notifications.preferences');
    const { email } = withVerifiedEmail(principal, 'Message settings need a verified email.');
    const { kind, enabled } = parseInput(preferenceInput, input);
    if (!enabled && !messageKinds[kind].optional)
      throw new ValidationError(
        `${kind} messages tell you about the status of your credentials and cannot be turned off.`,
        [{ path: 'input.kind', message: 'cannot be turned off' }],
        'NOTIFICATION_REQUIRED',
      );
    const key = emailKey(email);
    const stored = await this.deps.preferences.get(key);
    const optedOut = new Set(stored?.optedOut ?? []);
    if (enabled) optedOut.delete(kind);
    else optedOut.add(kind);
    await this.deps.preferences.put(
      {
        emailHash: key,
        optedOut: [...optedOut],
        updatedAt: this.deps.clock.now().toISOString(),
        version: (stored?.version ?? 0) + 1,
      },
      stored?.version ?? null,
    );
    return views([...optedOut]);
  }
}

function views(optedOut: readonly MessageKind[]): PreferenceView[] {
  return messageKindNames.map((kind) => ({
    kind,
    enabled: !optedOut.includes(kind),
    optional: messageKinds[kind].optional,
  }));
}
