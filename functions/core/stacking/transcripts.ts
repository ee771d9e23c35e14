import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { CredentialRecord } from '../credential/credential';
import { emailHash } from '../issuance/model';
import { emailIdentity, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../credential/open-badge';
import { isExtensionContextUrl } from '../credential/extension-context';
import type {
  ActiveSigningKey,
  CredentialRepository,
  CredentialSigner,
  JsonObject,
  SigningKey,
} from '../issuance/ports';
import { contentDigest } from '../shared/digest';
import { normaliseEmail } from '../shared/email';
import { ConflictError } from '../shared/errors';
import { platformOwnerId } from '../shared/owners';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator } from '../shared/runtime';
import { assembleTranscript, withoutCredentials } from './clr';
import { CLR_V2_CONTEXT, partKey } from './model';
import type {
  ProvisionSigningKeys,
  StackRepository,
  StoredTranscript,
  TranscriptRepository,
} from './ports';
import { learnerOf, type LearnerWallets } from './wallet';

export interface TranscriptsDeps {
  readonly stacks: Pick<StackRepository, 'listByTarget'>;
  readonly credentials: Pick<CredentialRepository, 'get'>;
  readonly wallets: LearnerWallets;
  readonly transcripts: TranscriptRepository;
  readonly activeKey: ActiveSigningKey;
  readonly provisionKeys: ProvisionSigningKeys;
  readonly signer: Pick<CredentialSigner, 'addDataIntegrityProof'>;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const platform = { ownerKind: 'platform' as const, ownerId: platformOwnerId };

/**
 * Learners export a signed CLR 2.0 transcript of their credentials and how they stack, and
 * anyone holding its URL reads it back exactly as signed.
 */
export class Transcripts {
  constructor(private readonly deps: TranscriptsDeps) {}

  /**
   * The caller's transcript: a CLR 2.0 ClrCredential holding their active credentials issued
   * here, their achievements, and how they stack (`isPartOf`, and `precedes` along chains),
   * signed by the platform (a transcript can span institutions) with eddsa-rdfc-2022 in KMS.
   * Its id is its URL (`/transcripts/{id}`), where it can be fetched again exactly as signed.
   * While nothing it is made from changes, asking again gives the same transcript; otherwise a
   * new one is signed, and earlier ones stay at their URLs.
   */
  async transcript(principal: Principal): Promise<JsonObject> {
    const learner = learnerOf(principal, 'A transcript');
    const key = await this.signingKey();
    const learnerEmailHash = emailHash(learner.email);
    const wallet = await this.deps.wallets.read(learnerEmailHash, false);
    const credentials = wallet.credentials.filter((credential) => credential.status === 'ACTIVE');
    // CLR 2.0 holds at least one credential (its schema's `minItems`).
    if (credentials.length === 0)
      throw new ConflictError(
        'TRANSCRIPT_EMPTY',
        'A transcript needs at least one active credential issued to you.',
      );
    const associations = await this.associations(credentials);
    // The transcript sits at a URL anyone holding it can read: it names the learner only by
    // the name they gave, and identifies them by a salted hash of their address, never in clear.
    const name = learner.name ? `Transcript of ${learner.name}` : 'Learner transcript';
    const credentialIds = credentials.map((credential) => credential.id);
    const digest = contentDigest({ credentialIds, associations, name, keyId: key.keyId });
    const latest = await this.deps.transcripts.latest(learnerEmailHash);
    if (latest?.digest === digest) {
      const again = await this.assembled(latest);
      if (again) return again;
    }
    const id = this.deps.ids.newId();
    const now = this.deps.clock.now().toISOString();
    const unsigned = assembleTranscript(
      {
        '@context': transcriptContext(credentials.map((credential) => credential.credential)),
        id: this.deps.urls.transcript(id),
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: {
          id: this.deps.urls.platformDid(),
          type: ['Profile'],
          name: 'Tessera',
          url: this.deps.urls.base,
        },
        name,
        description: `The ${credentials.length} active credential${credentials.length === 1 ? '' : 's'} issued to this learner on Tessera, and how they stack.`,
        validFrom: now,
        credentialSubject: {
          type: ['ClrSubject'],
          identifier: [
            emailIdentity(normaliseEmail(learner.email), randomUUID().replace(/-/g, '')),
          ],
          ...(associations.length ? { association: associations } : {}),
        },
      },
      credentials.map((credential) => credential.credential),
    );
    const signed = await this.sign(unsigned, key, now);
    await this.deps.transcripts.add({
      id,
      learnerEmailHash,
      digest,
      credentialIds,
      document: withoutCredentials(signed),
      issuedAt: now,
    });
    return signed;
  }

  /**
   * A transcript by the id in its URL, exactly as it was signed; null when there is none. The URL
   * is the learner's to share, like a share link: its id is random and not listed anywhere.
   */
  async transcriptById(id: string): Promise<JsonObject | null> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
    const stored = await this.deps.transcripts.get(id);
    return stored ? this.assembled(stored) : null;
  }

  /** The platform's active Ed25519 key. */
  private async signingKey(): Promise<SigningKey> {
    try {
      return await this.deps.activeKey(platform, 'Ed25519');
    } catch (error) {
      // The platform's keys are created on first use (by the worker); ask, then report retry.
      if (error instanceof ConflictError) await this.deps.provisionKeys(platform);
      throw error;
    }
  }

  /** How the credentials stack: `isPartOf` for each part, `precedes` along a chain's levels. */
  private async associations(credentials: readonly CredentialRecord[]): Promise<JsonObject[]> {
    const achievementIdOf = (credential: CredentialRecord) =>
      this.deps.urls.achievement(credential.microCredentialId, credential.designVersion);
    const associations: JsonObject[] = [];
    const associate = (type: string, source: CredentialRecord, target: CredentialRecord) =>
      associations.push({
        type: 'Association',
        associationType: type,
        sourceId: achievementIdOf(source),
        targetId: achievementIdOf(target),
      });
    for (const stacked of credentials.filter((credential) => credential.kind === 'stacked')) {
      const parts = credentials.filter((credential) => stacked.parts.includes(credential.id));
      for (const part of parts) associate('isPartOf', part, stacked);
      const chain = (await this.deps.stacks.listByTarget(stacked.microCredentialId)).find(
        (stack) => stack.rule === 'CHAIN',
      );
      const levels = (chain?.parts ?? [])
        .map((part) => parts.find((credential) => credential.microCredentialId === partKey(part)))
        .filter((credential): credential is CredentialRecord => credential !== undefined);
      for (let index = 0; index + 1 < levels.length; index += 1)
        associate('precedes', levels[index]!, levels[index + 1]!);
    }
    return associations;
  }

  private sign(unsigned: JsonObject, key: SigningKey, now: string): Promise<JsonObject> {
    const verificationMethod = this.deps.urls.verificationMethod(
      'platform',
      platformOwnerId,
      key.keyId,
    );
    return this.deps.signer.addDataIntegrityProof(
      unsigned,
      { keyRef: key.keyRef, verificationMethod },
      now,
    );
  }

  /** A stored transcript with its credentials put back; null if one of them is gone. */
  private async assembled(stored: StoredTranscript): Promise<JsonObject | null> {
    const credentials: JsonObject[] = [];
    // A few reads at a time: a transcript holds at most `maxHoldings` credentials.
    for (let start = 0; start < stored.credentialIds.length; start += 25) {
      const records = await Promise.all(
        stored.credentialIds
          .slice(start, start + 25)
          .map((credentialId) => this.deps.credentials.get(credentialId)),
      );
      for (const record of records) {
        if (!record) return null;
        credentials.push(record.credential);
      }
    }
    return assembleTranscript(stored.document, credentials);
  }
}

/**
 * The transcript's contexts: CLR 2.0's, then the extension contexts its credentials use. It
 * repeats their achievements in its own subject, outside each credential's `@context`, so it
 * must define their extension terms too.
 */
function transcriptContext(credentials: readonly JsonObject[]): string[] {
  const urls = credentials.flatMap((credential): unknown[] => {
    const context = credential['@context'];
    return Array.isArray(context) ? context : [context];
  });
  const extensions = urls.filter(
    (url): url is string => typeof url === 'string' && isExtensionContextUrl(url),
  );
  return [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT, ...new Set(extensions)];
}
