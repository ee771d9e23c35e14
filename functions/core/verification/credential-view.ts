import type { JsonObject } from '../issuance/ports';

/**
 * The parts of a credential that verification reads, taken from its JSON once. Nothing here is
 * validated beyond its JSON type: the well-formed step judges the shape, the other steps read
 * what is there.
 */
export interface CredentialView {
  /** The credential as presented, untouched (proofs are checked over it). */
  readonly json: JsonObject;
  readonly id?: string;
  readonly issuerId?: string;
  readonly issuerName?: string;
  readonly issuerUrl?: string;
  /** The (first) credential subject. */
  readonly subject: unknown;
  readonly achievement?: JsonObject;
  /** `validFrom`, or the VC 1.1 `issuanceDate`. */
  readonly validFrom?: string;
  /** `validUntil`, or the VC 1.1 `expirationDate`. */
  readonly validUntil?: string;
  /** The `credentialStatus` entries that are objects. */
  readonly statusEntries: readonly JsonObject[];
  /** The `proof` value as a list (its items unchecked). */
  readonly proofs: readonly unknown[];
}

/** Reads the view of `json`. */
export function viewOf(json: JsonObject): CredentialView {
  const subject: unknown = Array.isArray(json.credentialSubject)
    ? (json.credentialSubject[0] as unknown)
    : json.credentialSubject;
  const achievement =
    isObject(subject) && isObject(subject.achievement) ? subject.achievement : undefined;
  return {
    json,
    id: typeof json.id === 'string' ? json.id : undefined,
    issuerId: typeof json.issuer === 'string' ? json.issuer : stringField(json.issuer, 'id'),
    issuerName: stringField(json.issuer, 'name'),
    issuerUrl: stringField(json.issuer, 'url'),
    subject,
    achievement,
    validFrom: stringField(json, 'validFrom') ?? stringField(json, 'issuanceDate'),
    validUntil: stringField(json, 'validUntil') ?? stringField(json, 'expirationDate'),
    statusEntries: listOf(json.credentialStatus).filter(isObject),
    proofs: listOf(json.proof),
  };
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function stringField(value: unknown, field: string): string | undefined {
  return isObject(value) && typeof value[field] === 'string' ? value[field] : undefined;
}

/** A value that may be one item or a list, as a list (none for a missing or falsy value). */
function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}
