import { authorizeOrHide } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { CredentialRecord } from '../credential/credential';
import type { JsonObject } from '../credential/document';
import { NotFoundError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { WalletCopyIssued } from './events';
import { WalletProtocolError, type WalletCopy, type WalletUrls } from './model';
import type { FindCredential, SignBoundCopy, WalletStore } from './ports';

export interface WalletCopiesDeps {
  readonly store: Pick<WalletStore, 'putCopy' | 'getCopy' | 'listCopies'>;
  readonly findCredential: FindCredential;
  readonly signCopy: SignBoundCopy;
  readonly urls: WalletUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What paid for a copy: an access token of the token endpoint, or a VC-API exchange. */
export type CopySpend = Parameters<WalletStore['putCopy']>[1];

/**
 * Holder-bound copies of issued credentials. A copy is the original with the holder's DID as
 * `credentialSubject.id` and an id of its own, signed afresh by the institution's active keys;
 * it keeps the original's `credentialStatus`, so revoking the original revokes every copy.
 */
export class WalletCopies {
  constructor(private readonly deps: WalletCopiesDeps) {}

  /** The credential a wallet asked for, if it may still have it (active, not revoked). */
  async issuable(credentialId: string): Promise<CredentialRecord> {
    const record = await this.deps.findCredential(credentialId);
    if (!record) {
      throw new WalletProtocolError(
        'NOT_FOUND',
        'CREDENTIAL_NOT_FOUND',
        'credential_request_denied',
        'The credential no longer exists.',
      );
    }
    if (record.status !== 'ACTIVE') {
      throw new WalletProtocolError(
        'FORBIDDEN',
        'CREDENTIAL_NOT_ACTIVE',
        'credential_request_denied',
        `The credential is ${record.status.toLowerCase()}; it can no longer be added to a wallet.`,
      );
    }
    return record;
  }

  /** Builds, signs and stores the copy for `holder`, spending what paid for it. */
  async mint(
    record: CredentialRecord,
    holder: string,
    how: { protocol: WalletCopy['protocol']; format: WalletCopy['format']; spend: CopySpend },
  ): Promise<WalletCopy> {
    const { urls, clock, ids } = this.deps;
    const id = ids.newId();
    const issuedAt = clock.now().toISOString();
    const unsigned = boundCopy(record.credential, urls.copy(id), holder);
    const signed = await this.deps.signCopy(record, unsigned, issuedAt);
    const copy: WalletCopy = {
      id,
      credentialId: record.id,
      institutionId: record.institutionId,
      holder,
      protocol: how.protocol,
      format: how.format,
      issuedAt,
      credential: signed.credential,
      jwt: signed.jwt,
      version: 1,
    };
    const event = WalletCopyIssued.create(
      { copyId: id, holder, protocol: how.protocol, format: how.format },
      {
        id: ids.newId(),
        institutionId: record.institutionId,
        aggregateId: record.id,
        occurredAt: issuedAt,
        actor: { kind: 'holder', id: holder },
      },
    );
    if (!(await this.deps.store.putCopy(copy, how.spend, [event]))) {
      throw new WalletProtocolError(
        'CONFLICT',
        'ALREADY_ISSUED',
        how.spend.kind === 'grant' ? 'invalid_token' : 'invalid_request',
        'This access was already used for a credential.',
      );
    }
    return copy;
  }

  /** A copy by id, for its public URL (ids are random and unguessable, like share links). */
  find(id: string): Promise<WalletCopy | null> {
    return this.deps.store.getCopy(id);
  }

  /** The wallet copies of a credential, for its issuer's admins and its earner. */
  async list(principal: Principal, credentialId: string): Promise<WalletCopy[]> {
    const record = await this.deps.findCredential(credentialId);
    if (!record) throw new NotFoundError('Credential', credentialId);
    authorizeOrHide(
      principal,
      'credential.read',
      { institutionId: record.institutionId, recipientEmailHash: record.recipient.emailHash },
      'Credential',
      credentialId,
    );
    return this.deps.store.listCopies(credentialId);
  }
}

/** The original, proof removed, with the copy's id and the holder as the subject's id. */
export function boundCopy(original: JsonObject, id: string, holder: string): JsonObject {
  const { proof: _proof, ...rest } = structuredClone(original);
  const subject = rest.credentialSubject as JsonObject;
  return { ...rest, id, credentialSubject: { ...subject, id: holder } };
}
