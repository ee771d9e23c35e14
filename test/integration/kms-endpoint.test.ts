/**
 * The local KMS endpoint, driven through the real @aws-sdk/client-kms: formats, validation and
 * state rules as AWS KMS has them. Signatures are checked with node:crypto, never with the
 * endpoint's own code. This file runs its own endpoint so listings and faults see only its keys.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlreadyExistsException,
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisabledException,
  DryRunOperationException,
  EnableKeyCommand,
  GetPublicKeyCommand,
  InvalidAliasNameException,
  InvalidKeyUsageException,
  InvalidMarkerException,
  KMSInvalidSignatureException,
  KMSInvalidStateException,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagException,
  TagResourceCommand,
  UnsupportedOperationException,
  UntagResourceCommand,
  UpdateAliasCommand,
  VerifyCommand,
  type KeySpec,
  type KMSClient,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsServer, type LocalKms } from '../../infra/local/kms/server';
import { localKmsClient } from '../support/kms';
import {
  checkedAlgorithms,
  digestAlgorithms,
  hashOf,
  publicKeyFromSpki,
  verifyIndependently,
  type CheckedAlgorithm,
} from '../support/signatures';

let kms: LocalKms;
let client: KMSClient;

beforeAll(async () => {
  kms = await startKmsServer();
  client = localKmsClient({ endpoint: kms.url, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await kms.close();
});

async function createKey(keySpec: KeySpec, extra: { Description?: string } = {}) {
  const { KeyMetadata } = await client.send(
    new CreateKeyCommand({ KeySpec: keySpec, KeyUsage: 'SIGN_VERIFY', ...extra }),
  );
  return { keyId: KeyMetadata!.KeyId!, arn: KeyMetadata!.Arn!, metadata: KeyMetadata! };
}

async function publicKeyOf(keyId: string) {
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  return publicKeyFromSpki(PublicKey!);
}

function sign(
  keyId: string,
  SigningAlgorithm: SigningAlgorithmSpec,
  Message: Uint8Array,
  MessageType: 'RAW' | 'DIGEST' = 'RAW',
) {
  return client.send(new SignCommand({ KeyId: keyId, SigningAlgorithm, Message, MessageType }));
}

const message = new TextEncoder().encode('Open Badges 3.0 credential bytes');

describe('key creation', () => {
  it.each([
    ['ECC_NIST_EDWARDS25519', 'ed25519', undefined],
    ['ECC_NIST_P256', 'ec', 'prime256v1'],
    ['RSA_2048', 'rsa', 2048],
    ['RSA_3072', 'rsa', 3072],
    ['RSA_4096', 'rsa', 4096],
  ] as const)(
    'returns a DER SubjectPublicKeyInfo of the spec when a %s key is created',
    async (keySpec, keyType, size) => {
      const { keyId, arn, metadata } = await createKey(keySpec);

      const output = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));

      const publicKey = publicKeyFromSpki(output.PublicKey!);
      expect(publicKey.asymmetricKeyType).toBe(keyType);
      if (keyType === 'rsa') expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(size);
      if (keyType === 'ec') expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe(size);
      expect(output).toMatchObject({ KeyId: arn, KeySpec: keySpec, KeyUsage: 'SIGN_VERIFY' });
      expect(output.SigningAlgorithms).toEqual(metadata.SigningAlgorithms);
    },
  );

  it('describes the key as AWS does when a key is created', async () => {
    const { metadata } = await createKey('ECC_NIST_EDWARDS25519', { Description: 'issuer key' });

    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: metadata.KeyId }));

    expect(KeyMetadata).toEqual({
      AWSAccountId: '000000000000',
      KeyId: metadata.KeyId,
      Arn: `arn:aws:kms:us-east-1:000000000000:key/${metadata.KeyId}`,
      CreationDate: metadata.CreationDate,
      Enabled: true,
      Description: 'issuer key',
      KeyUsage: 'SIGN_VERIFY',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'ECC_NIST_EDWARDS25519',
      KeySpec: 'ECC_NIST_EDWARDS25519',
      SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'],
      MultiRegion: false,
    });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
  });

  it('rejects the request with ValidationException when the usage does not fit the key spec', async () => {
    const creating = client.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_EDWARDS25519', KeyUsage: 'ENCRYPT_DECRYPT' }),
    );

    await expect(creating).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('rejects the request with UnsupportedOperationException when the spec is valid in AWS but not emulated', async () => {
    const creating = client.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }),
    );

    await expect(creating).rejects.toBeInstanceOf(UnsupportedOperationException);
  });
});

describe('signing', () => {
  let ed25519: string;
  let p256: string;
  let rsa: string;

  beforeAll(async () => {
    const [edwards, nist, rsaKey] = await Promise.all([
      createKey('ECC_NIST_EDWARDS25519'),
      createKey('ECC_NIST_P256'),
      createKey('RSA_2048'),
    ]);
    [ed25519, p256, rsa] = [edwards.keyId, nist.keyId, rsaKey.keyId];
  });

  const keyFor = (algorithm: CheckedAlgorithm) =>
    algorithm === 'ED25519_SHA_512' ? ed25519 : algorithm === 'ECDSA_SHA_256' ? p256 : rsa;

  it.each(checkedAlgorithms)(
    'produces a signature node:crypto verifies when %s signs a RAW message',
    async (algorithm) => {
      const keyId = keyFor(algorithm);

      const { Signature, SigningAlgorithm, KeyId } = await sign(keyId, algorithm, message);

      expect(verifyIndependently[algorithm](await publicKeyOf(keyId), message, Signature!)).toBe(
        true,
      );
      expect(SigningAlgorithm).toBe(algorithm);
      expect(KeyId).toMatch(/^arn:aws:kms:us-east-1:000000000000:key\//);
    },
  );

  it.each(digestAlgorithms)(
    'produces a signature of the original message when %s signs its DIGEST',
    async (algorithm) => {
      const keyId = keyFor(algorithm);
      const digest = createHash(hashOf[algorithm]).update(message).digest();

      const { Signature } = await sign(keyId, algorithm, digest, 'DIGEST');

      expect(verifyIndependently[algorithm](await publicKeyOf(keyId), message, Signature!)).toBe(
        true,
      );
    },
  );

  it.each(checkedAlgorithms)(
    'fails independent verification when the message changed after %s signed it',
    async (algorithm) => {
      const keyId = keyFor(algorithm);
      const { Signature } = await sign(keyId, algorithm, message);

      const changed = new TextEncoder().encode('Open Badges 3.0 credential bytez');

      expect(verifyIndependently[algorithm](await publicKeyOf(keyId), changed, Signature!)).toBe(
        false,
      );
    },
  );

  it('returns a raw 64-byte signature when an Ed25519 key signs', async () => {
    const { Signature } = await sign(ed25519, 'ED25519_SHA_512', message);

    expect(Signature).toHaveLength(64);
  });

  it('returns a DER SEQUENCE of two INTEGERs when a P-256 key signs', async () => {
    const { Signature } = await sign(p256, 'ECDSA_SHA_256', message);

    expect(Signature![0]).toBe(0x30);
    expect(Signature![1]).toBe(Signature!.length - 2);
    expect(Signature![2]).toBe(0x02);
  });

  it('returns a modulus-sized signature when an RSA 2048 key signs', async () => {
    const { Signature } = await sign(rsa, 'RSASSA_PSS_SHA_512', message);

    expect(Signature).toHaveLength(256);
  });

  it('signs a message of exactly 4096 bytes when the message is at the RAW limit', async () => {
    const largest = randomBytes(4096);

    const { Signature } = await sign(ed25519, 'ED25519_SHA_512', largest);

    expect(
      verifyIndependently.ED25519_SHA_512(await publicKeyOf(ed25519), largest, Signature!),
    ).toBe(true);
  });

  it('rejects the request with ValidationException when a RAW message exceeds 4096 bytes', async () => {
    const signing = sign(ed25519, 'ED25519_SHA_512', randomBytes(4097));

    await expect(signing).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('less than or equal to 4096') as unknown,
    });
  });

  it.each([
    ['RSASSA_PKCS1_V1_5_SHA_256', 48],
    ['RSASSA_PSS_SHA_384', 32],
    ['ECDSA_SHA_256', 64],
  ] as const)(
    'rejects the request with ValidationException when a %s digest is %i bytes long',
    async (algorithm, length) => {
      const signing = sign(keyFor(algorithm), algorithm, randomBytes(length), 'DIGEST');

      await expect(signing).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Digest is invalid length for algorithm ${algorithm}.`,
      });
    },
  );

  it('rejects the request with ValidationException when ED25519_SHA_512 is given a DIGEST', async () => {
    const signing = sign(ed25519, 'ED25519_SHA_512', randomBytes(64), 'DIGEST');

    await expect(signing).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it.each([
    ['ECC_NIST_EDWARDS25519', 'ECDSA_SHA_256'],
    ['ECC_NIST_P256', 'RSASSA_PSS_SHA_256'],
    ['RSA_2048', 'ED25519_SHA_512'],
    ['RSA_2048', 'ECDSA_SHA_384'],
  ] as const)(
    'rejects the request with InvalidKeyUsageException when a %s key is asked for %s',
    async (spec, algorithm) => {
      const keyId =
        spec === 'ECC_NIST_EDWARDS25519' ? ed25519 : spec === 'ECC_NIST_P256' ? p256 : rsa;

      await expect(sign(keyId, algorithm, message)).rejects.toBeInstanceOf(
        InvalidKeyUsageException,
      );
    },
  );

  it('rejects the request with ValidationException when the algorithm is not a KMS algorithm', async () => {
    const signing = sign(rsa, 'RS256' as SigningAlgorithmSpec, message);

    await expect(signing).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'signingAlgorithm'") as unknown,
    });
  });

  it('declines with UnsupportedOperationException when asked for Ed25519ph', async () => {
    const signing = sign(ed25519, 'ED25519_PH_SHA_512', randomBytes(64), 'DIGEST');

    await expect(signing).rejects.toBeInstanceOf(UnsupportedOperationException);
  });

  it('signs nothing and answers DryRunOperationException when DryRun is set', async () => {
    const signing = client.send(
      new SignCommand({
        KeyId: ed25519,
        Message: message,
        SigningAlgorithm: 'ED25519_SHA_512',
        DryRun: true,
      }),
    );

    await expect(signing).rejects.toBeInstanceOf(DryRunOperationException);
  });
});

describe('verification', () => {
  let ed25519: string;
  let p256: string;
  let rsa: string;

  beforeAll(async () => {
    const [edwards, nist, rsaKey] = await Promise.all([
      createKey('ECC_NIST_EDWARDS25519'),
      createKey('ECC_NIST_P256'),
      createKey('RSA_3072'),
    ]);
    [ed25519, p256, rsa] = [edwards.keyId, nist.keyId, rsaKey.keyId];
  });

  const keyFor = (algorithm: CheckedAlgorithm) =>
    algorithm === 'ED25519_SHA_512' ? ed25519 : algorithm === 'ECDSA_SHA_256' ? p256 : rsa;

  it.each(checkedAlgorithms)(
    'reports SignatureValid when %s checks its own RAW signature',
    async (algorithm) => {
      const keyId = keyFor(algorithm);
      const { Signature } = await sign(keyId, algorithm, message);

      const output = await client.send(
        new VerifyCommand({
          KeyId: keyId,
          Message: message,
          Signature,
          SigningAlgorithm: algorithm,
        }),
      );

      expect(output.SignatureValid).toBe(true);
    },
  );

  it.each(digestAlgorithms)(
    'accepts a RAW signature checked against its DIGEST when %s is used',
    async (algorithm) => {
      const keyId = keyFor(algorithm);
      const { Signature } = await sign(keyId, algorithm, message);

      const output = await client.send(
        new VerifyCommand({
          KeyId: keyId,
          Message: createHash(hashOf[algorithm]).update(message).digest(),
          MessageType: 'DIGEST',
          Signature,
          SigningAlgorithm: algorithm,
        }),
      );

      expect(output.SignatureValid).toBe(true);
    },
  );

  const other = new TextEncoder().encode('another message');

  it.each(checkedAlgorithms)(
    'rejects with KMSInvalidSignatureException when a %s signature covers another message',
    async (algorithm) => {
      const keyId = keyFor(algorithm);
      const { Signature } = await sign(keyId, algorithm, message);

      const verifying = client.send(
        new VerifyCommand({ KeyId: keyId, Message: other, Signature, SigningAlgorithm: algorithm }),
      );

      await expect(verifying).rejects.toBeInstanceOf(KMSInvalidSignatureException);
    },
  );

  it.each(digestAlgorithms)(
    'rejects with KMSInvalidSignatureException when a %s signature is checked against another digest',
    async (algorithm) => {
      const keyId = keyFor(algorithm);
      const { Signature } = await sign(keyId, algorithm, message);

      const verifying = client.send(
        new VerifyCommand({
          KeyId: keyId,
          Message: createHash(hashOf[algorithm]).update(other).digest(),
          MessageType: 'DIGEST',
          Signature,
          SigningAlgorithm: algorithm,
        }),
      );

      await expect(verifying).rejects.toBeInstanceOf(KMSInvalidSignatureException);
    },
  );

  it('rejects with KMSInvalidSignatureException when the signature is garbage', async () => {
    const verifying = client.send(
      new VerifyCommand({
        KeyId: p256,
        Message: message,
        Signature: randomBytes(70),
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );

    await expect(verifying).rejects.toBeInstanceOf(KMSInvalidSignatureException);
  });
});

describe('key identifiers', () => {
  it('resolves the same key when it is named by id, key ARN, alias name or alias ARN', async () => {
    const { keyId, arn } = await createKey('ECC_NIST_P256');
    const aliasName = `alias/resolve/${keyId}`;
    await client.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: arn }));
    const aliasArn = `arn:aws:kms:us-east-1:000000000000:${aliasName}`;

    const described = await Promise.all(
      [keyId, arn, aliasName, aliasArn].map((KeyId) =>
        client.send(new DescribeKeyCommand({ KeyId })),
      ),
    );

    expect(described.map(({ KeyMetadata }) => KeyMetadata?.KeyId)).toEqual([
      keyId,
      keyId,
      keyId,
      keyId,
    ]);
  });

  it('rejects with NotFoundException when an operation on key settings is given an alias', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');
    const aliasName = `alias/settings/${keyId}`;
    await client.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));

    const disabling = client.send(new DisableKeyCommand({ KeyId: aliasName }));

    await expect(disabling).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Invalid keyId ${aliasName}`,
    });
  });

  it.each([
    ['an unknown key id', '6f0b2c3e-0d9a-4a55-9b1e-1b2f3c4d5e6f'],
    ['a key ARN of another region', 'arn:aws:kms:eu-west-1:000000000000:key/%s'],
    ['an unknown alias', 'alias/does-not-exist'],
    ['a malformed key id', 'not-a-key'],
  ])('rejects with NotFoundException when given %s', async (_what, keyIdPattern) => {
    const { keyId } = await createKey('ECC_NIST_P256');

    const describing = client.send(
      new DescribeKeyCommand({ KeyId: keyIdPattern.replace('%s', keyId) }),
    );

    await expect(describing).rejects.toBeInstanceOf(NotFoundException);
  });
});

describe('listing keys', () => {
  it('pages through every key when the limit is smaller than the number of keys', async () => {
    const own = await startKmsServer();
    const ownClient = localKmsClient({ endpoint: own.url });
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { KeyMetadata } = await ownClient.send(
        new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
      );
      created.push(KeyMetadata!.KeyId!);
    }

    const pages: { ids: string[]; truncated: boolean | undefined }[] = [];
    let marker: string | undefined;
    do {
      const page = await ownClient.send(new ListKeysCommand({ Limit: 2, Marker: marker }));
      pages.push({ ids: page.Keys!.map((key) => key.KeyId!), truncated: page.Truncated });
      marker = page.NextMarker;
    } while (marker !== undefined);
    ownClient.destroy();
    await own.close();

    expect(pages.map((page) => page.ids.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.truncated)).toEqual([true, true, false]);
    expect(pages.flatMap((page) => page.ids)).toEqual(created);
  });

  it('rejects with InvalidMarkerException when the marker was not issued by a listing', async () => {
    const listing = client.send(new ListKeysCommand({ Marker: 'bm90LWEta2V5' }));

    await expect(listing).rejects.toBeInstanceOf(InvalidMarkerException);
  });
});

describe('aliases', () => {
  it('lists only the aliases of the key when ListAliases is given a key id', async () => {
    const [first, second] = await Promise.all([createKey('RSA_2048'), createKey('RSA_2048')]);
    await client.send(
      new CreateAliasCommand({
        AliasName: `alias/list/${first.keyId}/b`,
        TargetKeyId: first.keyId,
      }),
    );
    await client.send(
      new CreateAliasCommand({ AliasName: `alias/list/${first.keyId}/a`, TargetKeyId: first.arn }),
    );
    await client.send(
      new CreateAliasCommand({
        AliasName: `alias/list/${second.keyId}`,
        TargetKeyId: second.keyId,
      }),
    );

    const { Aliases } = await client.send(new ListAliasesCommand({ KeyId: first.arn }));

    expect(Aliases?.map((alias) => [alias.AliasName, alias.TargetKeyId])).toEqual([
      [`alias/list/${first.keyId}/a`, first.keyId],
      [`alias/list/${first.keyId}/b`, first.keyId],
    ]);
    expect(Aliases?.[0]?.AliasArn).toBe(
      `arn:aws:kms:us-east-1:000000000000:alias/list/${first.keyId}/a`,
    );
  });

  it('points the alias at the new key when UpdateAlias succeeds', async () => {
    const [before, after] = await Promise.all([createKey('RSA_2048'), createKey('RSA_2048')]);
    const aliasName = `alias/update/${before.keyId}`;
    await client.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: before.keyId }));

    await client.send(new UpdateAliasCommand({ AliasName: aliasName, TargetKeyId: after.arn }));

    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: aliasName }));
    expect(KeyMetadata?.KeyId).toBe(after.keyId);
  });

  it('forgets the alias when DeleteAlias succeeds', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');
    const aliasName = `alias/delete/${keyId}`;
    await client.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));

    await client.send(new DeleteAliasCommand({ AliasName: aliasName }));

    await expect(client.send(new DescribeKeyCommand({ KeyId: aliasName }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(
      client.send(new DeleteAliasCommand({ AliasName: aliasName })),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it('rejects with AlreadyExistsException when the alias name is taken', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');
    const aliasName = `alias/taken/${keyId}`;
    await client.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));

    const creating = client.send(
      new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }),
    );

    await expect(creating).rejects.toBeInstanceOf(AlreadyExistsException);
  });

  it('rejects with InvalidAliasNameException when the name is in the reserved alias/aws/ space', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');

    const creating = client.send(
      new CreateAliasCommand({ AliasName: 'alias/aws/tessera', TargetKeyId: keyId }),
    );

    await expect(creating).rejects.toBeInstanceOf(InvalidAliasNameException);
  });

  it('rejects with ValidationException when the name has characters aliases do not allow', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');

    const creating = client.send(
      new CreateAliasCommand({ AliasName: 'alias/with space', TargetKeyId: keyId }),
    );

    await expect(creating).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('tags', () => {
  it('adds, overwrites and removes tags when tagged and untagged', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');
    await client.send(
      new TagResourceCommand({
        KeyId: keyId,
        Tags: [
          { TagKey: 'team', TagValue: 'credentials' },
          { TagKey: 'stage', TagValue: 'test' },
        ],
      }),
    );

    await client.send(
      new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'stage', TagValue: 'prod' }] }),
    );
    await client.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: ['team'] }));

    const { Tags, Truncated } = await client.send(new ListResourceTagsCommand({ KeyId: keyId }));
    expect(Tags).toEqual([{ TagKey: 'stage', TagValue: 'prod' }]);
    expect(Truncated).toBe(false);
  });

  it('rejects with TagException when a tag key starts with aws:', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');

    const tagging = client.send(
      new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'aws:owner', TagValue: 'x' }] }),
    );

    await expect(tagging).rejects.toBeInstanceOf(TagException);
  });
});

describe('key states', () => {
  it('refuses Sign and GetPublicKey with DisabledException when the key is disabled', async () => {
    const { keyId } = await createKey('ECC_NIST_EDWARDS25519');

    await client.send(new DisableKeyCommand({ KeyId: keyId }));

    await expect(sign(keyId, 'ED25519_SHA_512', message)).rejects.toBeInstanceOf(DisabledException);
    await expect(client.send(new GetPublicKeyCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(
      DisabledException,
    );
    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata).toMatchObject({ Enabled: false, KeyState: 'Disabled' });
  });

  it('signs again when a disabled key is enabled', async () => {
    const { keyId } = await createKey('ECC_NIST_EDWARDS25519');
    await client.send(new DisableKeyCommand({ KeyId: keyId }));

    await client.send(new EnableKeyCommand({ KeyId: keyId }));

    const { Signature } = await sign(keyId, 'ED25519_SHA_512', message);
    expect(Signature).toHaveLength(64);
  });

  it('refuses Sign with KMSInvalidStateException when the key is pending deletion', async () => {
    const { keyId, arn } = await createKey('ECC_NIST_EDWARDS25519');

    const scheduled = await client.send(
      new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }),
    );

    expect(scheduled).toMatchObject({
      KeyId: arn,
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 7,
    });
    expect(scheduled.DeletionDate).toBeInstanceOf(Date);
    await expect(sign(keyId, 'ED25519_SHA_512', message)).rejects.toBeInstanceOf(
      KMSInvalidStateException,
    );
    await expect(client.send(new EnableKeyCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(
      KMSInvalidStateException,
    );
  });

  it('leaves the key disabled when its deletion is cancelled', async () => {
    const { keyId } = await createKey('ECC_NIST_EDWARDS25519');
    await client.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));

    await client.send(new CancelKeyDeletionCommand({ KeyId: keyId }));

    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(KeyMetadata?.DeletionDate).toBeUndefined();
  });

  it('rejects with ValidationException when the waiting period is shorter than 7 days', async () => {
    const { keyId } = await createKey('ECC_NIST_EDWARDS25519');

    const scheduling = client.send(
      new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 6 }),
    );

    await expect(scheduling).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses an alias with KMSInvalidStateException when the target is pending deletion', async () => {
    const { keyId } = await createKey('ECC_NIST_P256');
    await client.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));

    const creating = client.send(
      new CreateAliasCommand({ AliasName: `alias/pending/${keyId}`, TargetKeyId: keyId }),
    );

    await expect(creating).rejects.toBeInstanceOf(KMSInvalidStateException);
  });
});

describe('protocol', () => {
  it('answers UnknownOperationException when the operation is not emulated', async () => {
    const response = await fetch(kms.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.Encrypt',
      },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('answers SerializationException when the body is not JSON', async () => {
    const response = await fetch(kms.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.ListKeys',
      },
      body: '{not json',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
  });

  it('answers ValidationException naming the member when a required member is missing', async () => {
    const response = await fetch(kms.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.Sign',
      },
      body: '{}',
    });

    expect(await response.json()).toEqual({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('fault injection', () => {
  it('fails the next matching calls with the injected error when a fault is injected', async () => {
    const own = await startKmsServer();
    const ownClient = localKmsClient({ endpoint: own.url, maxAttempts: 1 });
    own.faults.inject({ operation: 'ListKeys', error: 'ThrottlingException', times: 2 });

    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await ownClient.send(new ListKeysCommand({})).then(
          () => 'ok',
          (error: Error) => error.name,
        ),
      );
    }
    ownClient.destroy();
    await own.close();

    expect(outcomes).toEqual(['ThrottlingException', 'ThrottlingException', 'ok']);
    expect(own.stats()).toEqual({ ListKeys: 3 });
  });

  it('fails every operation until cleared when a fault names * without times', async () => {
    const own = await startKmsServer();
    const ownClient = localKmsClient({ endpoint: own.url, maxAttempts: 1 });
    own.faults.inject({ operation: '*', error: 'KMSInternalException' });

    const failing = await Promise.allSettled([
      ownClient.send(new ListKeysCommand({})),
      ownClient.send(new ListAliasesCommand({})),
    ]);
    own.faults.clear();
    const afterClear = await ownClient.send(new ListKeysCommand({}));
    ownClient.destroy();
    await own.close();

    expect(failing.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(afterClear.Keys).toEqual([]);
  });

  it('injects and clears faults when another process uses the HTTP routes', async () => {
    const own = await startKmsServer();
    const ownClient = localKmsClient({ endpoint: own.url, maxAttempts: 1 });

    const injected = await fetch(`${own.url}/__local/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'ListKeys', error: 'DependencyTimeoutException' }),
    });
    const failed = await ownClient.send(new ListKeysCommand({})).catch((error: Error) => error);
    const cleared = await fetch(`${own.url}/__local/faults`, { method: 'DELETE' });
    const listed = await ownClient.send(new ListKeysCommand({}));
    const stats: unknown = await (await fetch(`${own.url}/__local/stats`)).json();
    ownClient.destroy();
    await own.close();

    expect(injected.status).toBe(204);
    expect(failed).toMatchObject({ name: 'DependencyTimeoutException', $fault: 'server' });
    expect(cleared.status).toBe(204);
    expect(listed.Keys).toEqual([]);
    expect(stats).toEqual({ ListKeys: 2 });
  });

  it('answers 400 when a posted fault names an unknown error', async () => {
    const response = await fetch(`${kms.url}/__local/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'Sign', error: 'AccessDeniedException' }),
    });

    expect(response.status).toBe(400);
  });
});

describe('key file', () => {
  it('keeps keys, aliases and tags across a restart when the store path is the same', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'tessera-kms-'));
    const storePath = join(directory, 'keys.json');
    const first = await startKmsServer({ storePath });
    const firstClient = localKmsClient({ endpoint: first.url });
    const { KeyMetadata } = await firstClient.send(
      new CreateKeyCommand({
        KeySpec: 'RSA_2048',
        KeyUsage: 'SIGN_VERIFY',
        Tags: [{ TagKey: 'owner', TagValue: 'inst-1' }],
      }),
    );
    const keyId = KeyMetadata!.KeyId!;
    await firstClient.send(new CreateAliasCommand({ AliasName: 'alias/kept', TargetKeyId: keyId }));
    const { Signature } = await firstClient.send(
      new SignCommand({
        KeyId: keyId,
        Message: message,
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    );
    firstClient.destroy();
    await first.close();

    const second = await startKmsServer({ storePath });
    const secondClient = localKmsClient({ endpoint: second.url });
    const { PublicKey } = await secondClient.send(new GetPublicKeyCommand({ KeyId: 'alias/kept' }));
    const { Tags } = await secondClient.send(new ListResourceTagsCommand({ KeyId: keyId }));
    secondClient.destroy();
    await second.close();
    const mode = (await stat(storePath)).mode & 0o777;
    const files = await readdir(directory);
    await rm(directory, { recursive: true });

    expect(
      verifyIndependently.RSASSA_PKCS1_V1_5_SHA_256(
        publicKeyFromSpki(PublicKey!),
        message,
        Signature!,
      ),
    ).toBe(true);
    expect(Tags).toEqual([{ TagKey: 'owner', TagValue: 'inst-1' }]);
    expect(mode).toBe(0o600);
    expect(files).toEqual(['keys.json']);
  });

  it('refuses to start when the store file is not a key store', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'tessera-kms-'));
    const storePath = join(directory, 'keys.json');
    await writeFile(storePath, '{"keys": "not a store"}');

    const starting = startKmsServer({ storePath });

    await expect(starting).rejects.toThrow(/is not a local KMS store/);
    await rm(directory, { recursive: true });
  });
});
