/**
 * One reader of a Verifiable Credential document (Open Badges 3.0 on VC Data Model 2.0, and
 * the VC 1.1 names older issuers still use). Everything that looks inside a credential —
 * verification, endorsements, stacking, public documents, the resolver — reads it through
 * `readCredential` once instead of walking `credentialSubject`, `issuer` or `proof` by hand.
 *
 * The reader is lenient on purpose: it reports what the document holds, in the right type, and
 * leaves absent whatever is missing or of the wrong type. Whether a credential is *valid*
 * (required fields, formats, signatures) is decided by the caller's schema and checks; a
 * verifier must be able to read a broken credential to say what is broken about it.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value[field]` when `value` is an object and that field is a string. */
export function stringField(value: unknown, field: string): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const found = value[field];
  return typeof found === 'string' ? found : undefined;
}

/** The issuer as the credential names it: a bare id, or a Profile with an id. */
export interface IssuerView {
  readonly id?: string;
  readonly name?: string;
  readonly url?: string;
  /** The Profile object when the issuer is one (undefined for a bare id). */
  readonly profile?: JsonObject;
}

/** A credential's validity window, with the field each bound was read from. */
export interface ValidityWindow {
  /** `validFrom`, or VC 1.1's `issuanceDate` when the credential has no `validFrom`. */
  readonly validFrom?: string;
  /** `validUntil`, or VC 1.1's `expirationDate` when the credential has no `validUntil`. */
  readonly validUntil?: string;
  readonly validFromField?: 'validFrom' | 'issuanceDate';
  readonly validUntilField?: 'validUntil' | 'expirationDate';
}

/** One `credentialStatus` entry (Bitstring Status List or any other type). */
export interface StatusEntryView {
  readonly type?: string;
  readonly statusPurpose?: string;
  readonly statusListCredential?: string;
  /** The index as a number; undefined when it is absent or not a non-negative integer. */
  readonly statusListIndex?: number;
  readonly raw: JsonObject;
}

/** One proof of the credential (a Data Integrity proof, or another kind). */
export interface ProofView {
  readonly type?: string;
  readonly cryptosuite?: string;
  readonly proofPurpose?: string;
  readonly verificationMethod?: string;
  readonly raw: JsonObject;
}

export interface CredentialView {
  /** The document as read, never modified. */
  readonly raw: JsonObject;
  readonly id?: string;
  /** `type` as a list of strings (a single string becomes a list of one). */
  readonly types: readonly string[];
  readonly issuer: IssuerView;
  /**
   * Every `credentialSubject`, in order (VC Data Model allows an array). OB 3.0 credentials
   * issued here have one; stacking today considers only the first (`subject`).
   */
  readonly subjects: readonly JsonObject[];
  /** The first subject: the one OB 3.0 readers (and JWT `sub`) mean. */
  readonly subject?: JsonObject;
  /** The first subject's `id`, when it has one (OB 3.0 allows `identifier` alone). */
  readonly subjectId?: string;
  /** The `achievement` of every subject that has one, in subject order. */
  readonly achievements: readonly JsonObject[];
  /** The first subject's achievement. */
  readonly achievement?: JsonObject;
  readonly validity: ValidityWindow;
  /** `credentialStatus` entries (one object or an array); non-objects are dropped. */
  readonly statusEntries: readonly StatusEntryView[];
  /** `proof` entries (one object or an array); non-objects are dropped. */
  readonly proofs: readonly ProofView[];
}

/**
 * Reads a credential document once. Returns null only when `document` is not a JSON object;
 * every other irregularity leaves the affected field absent (see the module comment).
 */
export function readCredential(document: unknown): CredentialView | null {
  if (!isJsonObject(document)) return null;
  const subjects = listOf(document.credentialSubject).filter(isJsonObject);
  const achievements = subjects.map((subject) => subject.achievement).filter(isJsonObject);
  const subject = subjects[0];
  return {
    raw: document,
    id: stringField(document, 'id'),
    types: listOf(document.type).filter((type): type is string => typeof type === 'string'),
    issuer: issuerOf(document.issuer),
    subjects,
    subject: subject,
    subjectId: stringField(subject, 'id'),
    achievements,
    achievement: achievements[0],
    validity: validityOf(document),
    statusEntries: listOf(document.credentialStatus).filter(isJsonObject).map(statusEntryOf),
    proofs: listOf(document.proof).filter(isJsonObject).map(proofOf),
  };
}

/** The image id of an achievement (`image` as an Image object or a bare URL). */
export function imageIdOf(achievement: JsonObject | undefined): string | undefined {
  if (!achievement) return undefined;
  const image = achievement.image;
  return typeof image === 'string' ? image : stringField(image, 'id');
}

function listOf(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function issuerOf(issuer: unknown): IssuerView {
  if (typeof issuer === 'string') return { id: issuer };
  if (!isJsonObject(issuer)) return {};
  return {
    id: stringField(issuer, 'id'),
    name: stringField(issuer, 'name'),
    url: stringField(issuer, 'url'),
    profile: issuer,
  };
}

function validityOf(document: JsonObject): ValidityWindow {
  const from = stringField(document, 'validFrom');
  const issuance = stringField(document, 'issuanceDate');
  const until = stringField(document, 'validUntil');
  const expiration = stringField(document, 'expirationDate');
  return {
    validFrom: from ?? issuance,
    validUntil: until ?? expiration,
    validFromField:
      from !== undefined ? 'validFrom' : issuance !== undefined ? 'issuanceDate' : undefined,
    validUntilField:
      until !== undefined ? 'validUntil' : expiration !== undefined ? 'expirationDate' : undefined,
  };
}

function statusEntryOf(entry: JsonObject): StatusEntryView {
  const index = Number(entry.statusListIndex);
  return {
    raw: entry,
    type: stringField(entry, 'type'),
    statusPurpose: stringField(entry, 'statusPurpose'),
    statusListCredential: stringField(entry, 'statusListCredential'),
    statusListIndex:
      entry.statusListIndex !== undefined && Number.isInteger(index) && index >= 0
        ? index
        : undefined,
  };
}

function proofOf(proof: JsonObject): ProofView {
  return {
    raw: proof,
    type: stringField(proof, 'type'),
    cryptosuite: stringField(proof, 'cryptosuite'),
    proofPurpose: stringField(proof, 'proofPurpose'),
    verificationMethod: stringField(proof, 'verificationMethod'),
  };
}
