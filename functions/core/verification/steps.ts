/**
 * The steps of a verification that need no proof machinery: the credential's shape, its
 * validity window, an endorser's withdrawal, the parts of a stacked credential, and its
 * recipient.
 */
import type { CredentialState } from '../credential/credential';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock } from '../shared/runtime';
import { credentialShape, openBadgeShape, openBadgeTypes } from './checks';
import type { Presented } from './model';
import type { StoredCredentials, WithdrawalLookup } from './ports';
import { recipientMatch } from './recipient-match';
import { row, type Step, type StepOutcome } from './step';

/** The well-formed row, and the credential's types when it has the shape of a VC. */
export function wellFormed(presented: Presented): StepOutcome & { types: readonly string[] } {
  const credential = presented.credential;
  const shape = credentialShape.safeParse(credential);
  const types = shape.success ? shape.data.type : [];
  const badge =
    shape.success &&
    types.some((type) => type === 'OpenBadgeCredential' || type === 'AchievementCredential')
      ? openBadgeShape.safeParse(credential)
      : undefined;
  const problems = (shape.error ?? badge?.error)?.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'credential'} ${issue.message}`)
    .join('; ');
  const check = !shape.success
    ? row('well-formed', 'FAIL', `Not a verifiable credential: ${problems}.`)
    : !types.some((type) => openBadgeTypes.includes(type))
      ? row('well-formed', 'WARN', 'A verifiable credential, but not an Open Badges credential.')
      : badge && !badge.success
        ? row('well-formed', 'FAIL', `Not a valid Open Badges 3.0 credential: ${problems}.`)
        : row(
            'well-formed',
            'PASS',
            `A ${types.filter((type) => type !== 'VerifiableCredential').join(', ')} in ${presented.format} form.`,
          );
  return { checks: [check], types };
}

/** Not before `validFrom`, not after `validUntil`. */
export function validityWindow(clock: Clock): Step {
  return ({ view: { validity } }) => {
    const { validFrom, validUntil } = validity;
    const now = clock.now().getTime();
    if (validFrom && Date.parse(validFrom) > now) {
      const check = row('validity-window', 'FAIL', `Not valid before ${validFrom}.`);
      return Promise.resolve({ checks: [check], status: 'NOT_YET_VALID' });
    }
    if (validUntil && Date.parse(validUntil) < now) {
      const check = row('validity-window', 'FAIL', `Expired on ${validUntil}.`);
      return Promise.resolve({ checks: [check], status: 'EXPIRED' });
    }
    const message = validUntil ? `Valid until ${validUntil}.` : 'Valid, with no expiry.';
    return Promise.resolve({ checks: [row('validity-window', 'PASS', message)] });
  };
}

/**
 * An EndorsementCredential its endorser withdrew, presented on its own (an embedded one is
 * the endorsements step's). Says nothing of one that stands.
 */
export function withdrawal(withdrawn: WithdrawalLookup): Step {
  return async ({ depth, types, view }) => {
    if (
      depth !== 0 ||
      !types.includes('EndorsementCredential') ||
      view.id === undefined ||
      !(await withdrawn(view.id, view.issuer.id))
    )
      return { checks: [] };
    const message = 'The endorser has withdrawn this endorsement; it no longer counts.';
    return { checks: [row('withdrawal', 'FAIL', message)], status: 'REVOKED' };
  };
}

/**
 * The parts of a stacked credential revoked since it was issued: only those its earner shows
 * publicly are counted (a private part's revocation is not the verifier's to learn).
 */
export function stackParts(records: StoredCredentials, urls: PublicUrls): Step {
  return async ({ record }) => {
    if (!record || record.kind !== 'stacked') return { checks: [] };
    const shown = await Promise.all(
      record.flaggedParts.map(
        async (id) =>
          (await stateOfUrl(records, urls, urls.credential(id)))?.visibility === 'PUBLIC',
      ),
    );
    const flagged = shown.filter(Boolean).length;
    const parts = record.parts.length;
    const check = flagged
      ? row(
          'stack-parts',
          'WARN',
          `${flagged} of the ${parts} credentials it was stacked from ${flagged === 1 ? 'was' : 'were'} revoked after it was issued.`,
        )
      : row('stack-parts', 'PASS', `Stacked from ${parts} credentials, none revoked since.`);
    return { checks: [check] };
  };
}

/** Whether the credential names the recipient email the verifier gave. */
export const recipient: Step = ({ recipient: address, view }) => {
  if (!address) return done(row('recipient', 'SKIP', 'No recipient email was given to match.'));
  const match = recipientMatch(view.raw, address);
  if (match === 'UNNAMED')
    return done(row('recipient', 'SKIP', 'The credential names no email address to match.'));
  return done(
    match === 'MATCH'
      ? row('recipient', 'PASS', 'The credential was issued to this email address.')
      : row('recipient', 'FAIL', 'The credential was not issued to this email address.'),
  );
};

/** The stored state of a credential named by a URL minted here, or null for any other URL. */
export function stateOfUrl(
  records: StoredCredentials,
  urls: PublicUrls,
  credentialUrl: string,
): Promise<CredentialState | null> {
  const id = urls.parseCredentialUrl(credentialUrl);
  return id && /^[A-Za-z0-9_-]{1,100}$/.test(id) ? records.getState(id) : Promise.resolve(null);
}

function done(check: ReturnType<typeof row>): Promise<StepOutcome> {
  return Promise.resolve({ checks: [check] });
}
