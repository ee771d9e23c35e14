import { createHash } from 'node:crypto';
import type { KMSClient, KeySpec, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type {
  CreatedKey,
  KeyLabels,
  KeyProvisioner,
  SignatureAlgorithm,
  Signer,
} from '../../core/keys/ports';
import { lazily, sdkSession, type ClientSource, type SdkSession } from '../aws-clients';
import { translateKmsError } from './kms-errors';

/** The KMS SDK (its commands), loaded with the first call that needs it. */
const kmsSdk = lazily(() => import('@aws-sdk/client-kms'));
type KmsSession = SdkSession<KMSClient, Awaited<ReturnType<typeof kmsSdk>>>;

const specs: Record<SignatureAlgorithm, { keySpec: KeySpec; signing: SigningAlgorithmSpec }> = {
  // Pure Ed25519 over the whole message (MessageType RAW), as eddsa-rdfc-2022 requires.
  Ed25519: { keySpec: 'ECC_NIST_EDWARDS25519', signing: 'ED25519_SHA_512' },
  // VC-JWT RS256 = RSASSA-PKCS1-v1_5 with SHA-256.
  RS256: { keySpec: 'RSA_2048', signing: 'RSASSA_PKCS1_V1_5_SHA_256' },
};

/** Signs with KMS keys (kms:Sign, kms:GetPublicKey). Public keys are cached: they never change. */
export class KmsSigner implements Signer {
  private readonly publicKeys = new Map<string, Promise<Uint8Array>>();
  private readonly session: KmsSession;

  constructor(kms: ClientSource<KMSClient>) {
    this.session = sdkSession(kms, kmsSdk);
  }

  async sign(
    keyRef: string,
    algorithm: SignatureAlgorithm,
    message: Uint8Array,
  ): Promise<Uint8Array> {
    // KMS takes at most 4 KB of RAW message. Ed25519 (pure EdDSA) must be RAW, and Tessera
    // only signs its 64-byte hashData with it; RS256 signs a JWS signing input of any size,
    // so it sends the SHA-256 digest (MessageType DIGEST), which yields the same signature.
    const digest = algorithm === 'RS256';
    try {
      const { client: kms, sdk } = await this.session();
      const { Signature } = await kms.send(
        new sdk.SignCommand({
          KeyId: keyRef,
          Message: digest ? createHash('sha256').update(message).digest() : message,
          MessageType: digest ? 'DIGEST' : 'RAW',
          SigningAlgorithm: specs[algorithm].signing,
        }),
      );
      if (!Signature) throw new Error('KMS returned no signature');
      return Signature;
    } catch (error) {
      return translateKmsError(error);
    }
  }

  getPublicKey(keyRef: string): Promise<Uint8Array> {
    let cached = this.publicKeys.get(keyRef);
    if (!cached) {
      cached = this.session()
        .then(({ client: kms, sdk }) => kms.send(new sdk.GetPublicKeyCommand({ KeyId: keyRef })))
        .then(({ PublicKey }) => {
          if (!PublicKey) throw new Error('KMS returned no public key');
          return PublicKey;
        })
        .catch((error: unknown) => {
          this.publicKeys.delete(keyRef);
          return translateKmsError(error);
        });
      this.publicKeys.set(keyRef, cached);
    }
    return cached;
  }
}

/**
 * Creates asymmetric SIGN_VERIFY keys (kms:CreateKey, kms:TagResource, kms:CreateAlias,
 * kms:DescribeKey), named by an alias so that asking twice for the same name returns the same
 * key: a stream redelivery never leaves an orphan key behind.
 */
export class KmsKeyProvisioner implements KeyProvisioner {
  private readonly session: KmsSession;

  constructor(
    kms: ClientSource<KMSClient>,
    private readonly aliasPrefix: string,
    private readonly tags: Record<string, string> = {},
  ) {
    this.session = sdkSession(kms, kmsSdk);
  }

  async createKey(algorithm: SignatureAlgorithm, labels: KeyLabels): Promise<CreatedKey> {
    const alias = `${this.aliasPrefix}${labels.name}`.replace(/[^a-zA-Z0-9:/_-]/g, '-');
    try {
      const { client: kms, sdk } = await this.session();
      const existing = await this.describe(alias);
      if (existing) return this.created(existing, algorithm);
      const { KeyMetadata } = await kms.send(
        new sdk.CreateKeyCommand({
          KeySpec: specs[algorithm].keySpec,
          KeyUsage: 'SIGN_VERIFY',
          Description: `Tessera ${labels.purpose} key for ${labels.ownerKind} ${labels.ownerId}`,
          Tags: Object.entries({
            ...this.tags,
            'tessera:owner-kind': labels.ownerKind,
            'tessera:owner-id': labels.ownerId,
            'tessera:purpose': labels.purpose,
          }).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        }),
      );
      const keyArn = KeyMetadata?.Arn;
      if (!keyArn) throw new Error('KMS returned no key ARN');
      try {
        await kms.send(new sdk.CreateAliasCommand({ AliasName: alias, TargetKeyId: keyArn }));
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'AlreadyExistsException') throw error;
        // Another attempt won the race for this name: use its key and discard ours.
        await kms.send(
          new sdk.ScheduleKeyDeletionCommand({ KeyId: keyArn, PendingWindowInDays: 7 }),
        );
        const winner = await this.describe(alias);
        if (!winner) throw error;
        return this.created(winner, algorithm);
      }
      return this.created(keyArn, algorithm);
    } catch (error) {
      return translateKmsError(error);
    }
  }

  private async describe(alias: string): Promise<string | null> {
    try {
      const { client: kms, sdk } = await this.session();
      const { KeyMetadata } = await kms.send(new sdk.DescribeKeyCommand({ KeyId: alias }));
      return KeyMetadata?.Arn ?? null;
    } catch (error) {
      if (error instanceof Error && error.name === 'NotFoundException') return null;
      throw error;
    }
  }

  private async created(keyArn: string, algorithm: SignatureAlgorithm): Promise<CreatedKey> {
    const { client: kms, sdk } = await this.session();
    const { PublicKey } = await kms.send(new sdk.GetPublicKeyCommand({ KeyId: keyArn }));
    if (!PublicKey) throw new Error('KMS returned no public key');
    return { keyRef: keyArn, algorithm, publicKeySpki: PublicKey };
  }
}
