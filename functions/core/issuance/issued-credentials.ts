import { authorize, authorizeOrHide, isAllowed, requireSignedIn } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { Page } from '../shared/runtime';
import type { CredentialRecord, StatusAuditEntry } from '../credential/credential';
import type { CredentialRepository } from './ports';

export interface IssuedCredentialsDeps {
  readonly credentials: Pick<CredentialRepository, 'get' | 'listByInstitution' | 'statusHistory'>;
}

/** Reading issued credentials: for their issuer's staff, their earner, and the public pages. */
export class IssuedCredentials {
  constructor(private readonly deps: IssuedCredentialsDeps) {}

  /** A credential for its issuer's admins or its earner. */
  async get(principal: Principal, id: string): Promise<CredentialRecord> {
    requireSignedIn(principal);
    const record = await this.deps.credentials.get(id);
    if (!record) throw new NotFoundError('Credential', id);
    authorizeOrHide(
      principal,
      'credential.read',
      { institutionId: record.institutionId, recipientEmailHash: record.recipient.emailHash },
      'Credential',
      id,
    );
    return record;
  }

  /** A stored credential by id, without authorization (public pages decide visibility). */
  async find(id: string): Promise<CredentialRecord | null> {
    return this.deps.credentials.get(id);
  }

  async listIssued(
    principal: Principal,
    institutionId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CredentialRecord>> {
    authorize(principal, 'credential.readIssued', { institutionId });
    return this.deps.credentials.listByInstitution(institutionId, pageRequest(first, after));
  }

  /** The learner's email, for those allowed to see it (issuer admins); null otherwise. */
  recipientEmailFor(principal: Principal, record: CredentialRecord): string | null {
    return isAllowed(principal, 'credential.readIssued', { institutionId: record.institutionId })
      ? record.recipient.email
      : null;
  }

  /** Who changed a credential's status and why: for the issuer's staff, not its earner. */
  async statusHistory(principal: Principal, id: string): Promise<StatusAuditEntry[]> {
    const record = await this.get(principal, id);
    authorize(principal, 'credential.readIssued', { institutionId: record.institutionId });
    return this.deps.credentials.statusHistory(record.id);
  }
}
