import { randomUUID } from 'node:crypto';
import { DynamoDbCredentialRepository } from '../../functions/adapters/dynamodb/credential-repository';
import { DynamoDbStatusListRepository } from '../../functions/adapters/dynamodb/status-list-repository';
import { createDocumentClient, DynamoTable } from '../../functions/adapters/dynamodb/table';
import { KmsSigner } from '../../functions/adapters/kms/kms-signer';
import { KmsCredentialSigner } from '../../functions/adapters/proofs/kms-credential-signer';
import { CachingProofVerifier } from '../../functions/adapters/proofs/proof-verifier';
import type { CredentialRecord } from '../../functions/core/credential/credential';
import { emailHash } from '../../functions/core/issuance/model';
import { emailIdentity, jwtClaims, statusEntry } from '../../functions/core/credential/open-badge';
import type { RunningPlatform } from '../../infra/local/platform';

/**
 * A credential as Tessera issued them before OB 3.0's single `credentialStatus` was kept: two
 * Bitstring Status List entries, revocation then suspension, with positions allocated on both
 * lists, signed (Data Integrity and VC-JWT) with the institution's keys in KMS and stored through
 * the credential repository, as the code before the change did. Built from a credential issued
 * now (`templateId`), for another learner (`email`).
 */
export async function issueTwoEntryCredential(
  platform: RunningPlatform,
  templateId: string,
  email: string,
): Promise<CredentialRecord> {
  const { config, clients, services, urls } = platform.container;
  const table = new DynamoTable(createDocumentClient(clients.dynamodb), config.TABLE_NAME);
  const credentials = new DynamoDbCredentialRepository(table);
  const lists = new DynamoDbStatusListRepository(table);
  const signer = new KmsCredentialSigner(new KmsSigner(clients.kms), new CachingProofVerifier());
  const template = await credentials.get(templateId);
  if (!template) throw new Error(`no credential ${templateId}`);
  const { institutionId } = template;
  const owner = { ownerKind: 'institution', ownerId: institutionId } as const;
  const id = randomUUID();
  const entries = [
    await lists.allocate(institutionId, 'revocation'),
    await lists.allocate(institutionId, 'suspension'),
  ];
  const { proof: _proof, ...unsigned } = template.credential;
  const subject = unsigned.credentialSubject as Record<string, unknown>;
  const dataIntegrityKey = await services.keys.activeKey(owner, 'Ed25519');
  const jwtKey = await services.keys.activeKey(owner, 'RS256');
  const credential = await signer.addDataIntegrityProof(
    {
      ...unsigned,
      id: urls.credential(id),
      credentialSubject: {
        ...subject,
        identifier: [emailIdentity(email, randomUUID().replace(/-/g, ''))],
      },
      credentialStatus: entries.map((entry) => statusEntry(urls, institutionId, entry)),
    },
    {
      keyRef: dataIntegrityKey.keyRef,
      verificationMethod: urls.verificationMethod(
        'institution',
        institutionId,
        dataIntegrityKey.keyId,
      ),
    },
    template.validFrom,
  );
  const jwt = await signer.signJwt(
    {
      alg: 'RS256',
      typ: 'JWT',
      kid: urls.verificationMethod('institution', institutionId, jwtKey.keyId),
    },
    jwtClaims(credential),
    jwtKey.keyRef,
  );
  const key = `legacy:${id}`;
  await credentials.reserve({
    institutionId,
    key,
    requestHash: key,
    credentialId: id,
    microCredentialId: template.microCredentialId,
    designVersion: template.designVersion,
    issuedAt: template.issuedAt,
    statusEntries: entries,
    status: 'PENDING',
    version: 1,
  });
  // The template's stored hashData is its own proof's; this credential's is computed anew.
  const { proofHash: _templateHash, ...fromTemplate } = template;
  const proofHash = signer.proofHashOf(credential);
  const record: CredentialRecord = {
    ...fromTemplate,
    ...(proofHash ? { proofHash } : {}),
    id,
    kind: 'micro',
    recipient: { emailHash: emailHash(email), email },
    status: 'ACTIVE',
    statusEntries: entries,
    credential,
    jwt,
    signingKeys: { dataIntegrity: dataIntegrityKey.keyId, jwt: jwtKey.keyId },
    idempotencyKey: key,
    parts: [],
    flaggedParts: [],
    version: 1,
  };
  await credentials.complete(record, []);
  return record;
}
