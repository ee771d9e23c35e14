import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DisableKeyCommand,
  ListAliasesCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KmsKeyProvisioner, KmsSigner } from '../../functions/adapters/kms/kms-signer';
import { ConflictError, DependencyUnavailableError } from '../../functions/core/shared/errors';
import { startKmsServer, type LocalKms } from '../../infra/local/kms/server';
import { localKmsClient } from '../support/kms';

const spki = (der: Uint8Array) =>
  createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
const labels = (name: string) => ({
  ownerKind: 'institution' as const,
  ownerId: 'inst-1',
  purpose: 'test',
  name,
});
const message = new TextEncoder().encode('the bytes a credential proof signs');

describe('KMS adapters against the local KMS-compatible endpoint', () => {
  let kms: LocalKms;
  let storePath: string;

  beforeAll(async () => {
    storePath = join(mkdtempSync(join(tmpdir(), 'kms-contract-')), 'keys.json');
    kms = await startKmsServer({ storePath });
  });
  afterAll(() => kms.close());

  it('signs Ed25519 as raw 64-byte signatures that verify with the DER public key', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const key = await new KmsKeyProvisioner(client, 'alias/test/').createKey(
      'Ed25519',
      labels('ed-1'),
    );

    const signature = await new KmsSigner(client).sign(key.keyRef, 'Ed25519', message);

    expect(key.publicKeySpki).toHaveLength(44);
    expect(signature).toHaveLength(64);
    expect(verify(null, message, spki(key.publicKeySpki), signature)).toBe(true);
    expect(verify(null, Buffer.from('other bytes'), spki(key.publicKeySpki), signature)).toBe(
      false,
    );
  });

  it('signs RS256 with PKCS#1 v1.5 over SHA-256 when the key is RSA_2048', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const key = await new KmsKeyProvisioner(client, 'alias/test/').createKey(
      'RS256',
      labels('rsa-1'),
    );

    const signature = await new KmsSigner(client).sign(key.keyRef, 'RS256', message);

    const publicKey = spki(key.publicKeySpki);
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(verify('RSA-SHA256', message, publicKey, signature)).toBe(true);
  });

  it('returns the same key when asked again for a name it already created', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const provisioner = new KmsKeyProvisioner(client, 'alias/test/');

    const first = await provisioner.createKey('Ed25519', labels('same-name'));
    const second = await provisioner.createKey('Ed25519', labels('same-name'));

    expect(second.keyRef).toBe(first.keyRef);
    const { Aliases } = await client.send(new ListAliasesCommand({ KeyId: first.keyRef }));
    expect(Aliases?.map((alias) => alias.AliasName)).toEqual(['alias/test/same-name']);
    const { Tags } = await client.send(new ListResourceTagsCommand({ KeyId: first.keyRef }));
    expect(Tags).toContainEqual({ TagKey: 'tessera:owner-id', TagValue: 'inst-1' });
  });

  it('verifies through KMS Verify and rejects a wrong signature with KMSInvalidSignatureException', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const key = await new KmsKeyProvisioner(client, 'alias/test/').createKey(
      'Ed25519',
      labels('verify'),
    );
    const signature = await new KmsSigner(client).sign(key.keyRef, 'Ed25519', message);

    const good = await client.send(
      new VerifyCommand({
        KeyId: key.keyRef,
        Message: message,
        Signature: signature,
        SigningAlgorithm: 'ED25519_SHA_512',
        MessageType: 'RAW',
      }),
    );
    const bad = client.send(
      new VerifyCommand({
        KeyId: key.keyRef,
        Message: message,
        Signature: new Uint8Array(64),
        SigningAlgorithm: 'ED25519_SHA_512',
        MessageType: 'RAW',
      }),
    );

    expect(good.SignatureValid).toBe(true);
    await expect(bad).rejects.toMatchObject({ name: 'KMSInvalidSignatureException' });
  });

  it('maps a disabled or deleted key to SIGNING_KEY_UNUSABLE', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const provisioner = new KmsKeyProvisioner(client, 'alias/test/');
    const disabled = await provisioner.createKey('Ed25519', labels('disabled'));
    const deleted = await provisioner.createKey('Ed25519', labels('deleted'));
    await client.send(new DisableKeyCommand({ KeyId: disabled.keyRef }));
    await client.send(
      new ScheduleKeyDeletionCommand({ KeyId: deleted.keyRef, PendingWindowInDays: 7 }),
    );

    const signer = new KmsSigner(client);

    await expect(signer.sign(disabled.keyRef, 'Ed25519', message)).rejects.toMatchObject({
      code: 'SIGNING_KEY_UNUSABLE',
    });
    await expect(signer.sign(deleted.keyRef, 'Ed25519', message)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('surfaces throttling as a retryable KEY_SERVICE_UNAVAILABLE and succeeds once it clears', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const key = await new KmsKeyProvisioner(client, 'alias/test/').createKey(
      'Ed25519',
      labels('throttled'),
    );
    const signer = new KmsSigner(client);
    kms.faults.inject({ operation: 'Sign', error: 'ThrottlingException', times: 1 });

    const failure = await signer
      .sign(key.keyRef, 'Ed25519', message)
      .catch((error: unknown) => error);
    const retry = await signer.sign(key.keyRef, 'Ed25519', message);

    expect(failure).toBeInstanceOf(DependencyUnavailableError);
    expect(failure).toMatchObject({ code: 'KEY_SERVICE_UNAVAILABLE', retryable: true });
    expect(retry).toHaveLength(64);
  });

  it('keeps keys across a restart so signatures made before still verify after', async () => {
    const client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const key = await new KmsKeyProvisioner(client, 'alias/test/').createKey(
      'Ed25519',
      labels('durable'),
    );
    const signature = await new KmsSigner(client).sign(key.keyRef, 'Ed25519', message);
    await kms.close();

    kms = await startKmsServer({ storePath });
    const restarted = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
    const publicKey = await new KmsSigner(restarted).getPublicKey('alias/test/durable');

    expect(Buffer.from(publicKey)).toEqual(Buffer.from(key.publicKeySpki));
    expect(verify(null, message, spki(publicKey), signature)).toBe(true);
  });
});
