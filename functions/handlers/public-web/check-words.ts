import type { Check, VerificationResult } from '../../core/verification/model';
import { escapeHtml, formatDate } from './layout';

/**
 * The verification checks in people's words, for the credential page and the verifier page.
 * The verifier's messages are written for integrators (key ids, ISO timestamps, type names);
 * here each row gets a label and a sentence a visitor can act on, with the dates written out
 * and no key identifiers.
 */
const checkLabels: Record<string, string> = {
  lookup: 'Credential found',
  'well-formed': 'Well-formed Open Badge',
  proof: 'Signature',
  'issuer-key': 'Issuer key',
  status: 'Revocation and suspension',
  'validity-window': 'Validity period',
  withdrawal: 'Endorsement withdrawal',
  'achievement-approval': 'Quality-assured design',
  endorsements: 'Industry endorsements',
  recipient: 'Issued to',
  'stack-parts': 'Credentials it was stacked from',
};

const resultWords: Record<Check['status'], string> = {
  PASS: 'Passed',
  FAIL: 'Failed',
  WARN: 'Warning',
  SKIP: 'Not applicable',
};

const isoDate = /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?\b/g;
/** DIDs and key URLs (`did:web:…#key-1`, `https://…/jwks.json#k`): identifiers, not words. */
const keyIds = /\b(?:did:[a-z0-9]+:[^\s(),]+|https?:\/\/[^\s(),]+#[^\s(),]+)/gi;

/** A verifier message with its dates written out and its key identifiers removed. */
export function plainMessage(message: string): string {
  if (/^The key belongs to /.test(message))
    return 'The key that signed it belongs to someone other than the issuer it names.';
  return message
    .replace(/\bOpenBadgeCredential\b/g, 'Open Badges credential')
    .replace(/\bAchievementCredential\b/g, 'Open Badges credential')
    .replace(/\bEndorsementCredential\b/g, 'endorsement credential')
    .replace(isoDate, (iso) => formatDate(iso) || iso)
    .replace(
      /\bKey\s+\S+\s+of the issuer\s*\([^)]*\)\.?/i,
      'A key the issuer publishes for issuing.',
    )
    .replace(keyIds, "the issuer's key")
    .replace(/\bA ([AEIOU])/g, 'An $1');
}

/** Rows whose verifier wording is replaced whole, by name and result. */
const sentences: Record<string, Partial<Record<Check['status'], string>>> = {
  'well-formed': { PASS: 'It is a complete Open Badges 3.0 credential.' },
  proof: {
    PASS: "The issuer's digital signature matches: nothing in it has changed since it was signed.",
  },
  'issuer-key': { PASS: 'It was signed with a key the issuer publishes for issuing credentials.' },
  status: { PASS: 'The issuer has not revoked or suspended it.' },
};

/** A row's sentence in people's words. */
export function checkSentence(check: Check): string {
  return sentences[check.name]?.[check.status] ?? plainMessage(check.message);
}

/** The checks as a table: what was checked, the result, and what it means. */
export function checksTable(result: VerificationResult, caption: string): string {
  const rows = result.checks
    .map(
      (check) =>
        `<tr><th scope="row">${escapeHtml(checkLabels[check.name] ?? check.name)}</th><td class="${check.status}">${resultWords[check.status]}</td><td>${escapeHtml(checkSentence(check))}</td></tr>`,
    )
    .join('');
  return `<table><caption class="note">${escapeHtml(caption)}</caption><thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">What it means</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The one-line verdict of a verification, and its tone. */
export const statusText: Record<string, { label: string; tone: 'ok' | 'bad' | 'warn' }> = {
  ACTIVE: { label: 'Verified: this credential is genuine and current.', tone: 'ok' },
  REVOKED: {
    label: 'Revoked: the issuer has withdrawn this credential. It is no longer valid.',
    tone: 'bad',
  },
  SUSPENDED: {
    label: 'Suspended: the issuer has suspended this credential. It is not valid while suspended.',
    tone: 'bad',
  },
  EXPIRED: { label: 'Expired: this credential is past its validity period.', tone: 'bad' },
  NOT_YET_VALID: { label: 'Not yet valid: this credential becomes valid later.', tone: 'warn' },
  UNKNOWN: { label: 'Not verified: this credential could not be verified.', tone: 'bad' },
};

/** The verdict's banner. */
export function verdictBanner(result: VerificationResult): string {
  const status = statusText[result.status] ?? statusText.UNKNOWN!;
  const label =
    result.status === 'ACTIVE' && !result.verified
      ? 'Not verified: one of the checks below failed.'
      : status.label;
  const tone = result.status === 'ACTIVE' && !result.verified ? 'bad' : status.tone;
  return `<p class="banner ${tone}" role="status">${escapeHtml(label)}</p>`;
}
