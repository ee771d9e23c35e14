import type { OwnerKind } from '../shared/owners';
import type { MicroCredentialRepository } from '../designs/ports';
import { wasPublishedSnapshot, type DesignVersion } from '../designs/model';
import type { Institution } from '../institutions/model';
import type { InstitutionRepository } from '../institutions/ports';
import { didDocument, jwks, type IssuerKey } from '../keys/model';
import type { PublishedKeys } from '../keys/ports';
import type { DesignUnitOfWork } from '../qa/ports';
import type { PublicUrls } from '../shared/public-urls';
import { bakePng, bakeSvg, generatedBadgePng, generatedBadgeSvg } from '../credential/baking';
import type { CredentialRecord } from '../credential/credential';
import { readCredential, stringField } from '../credential/document';
import { achievement, issuerProfile, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../credential/open-badge';
import type { JsonObject, QaEndorsementSource } from './ports';

/** A published key as people are told of it. */
export interface PublicKeySummary {
  readonly algorithm: IssuerKey['algorithm'];
  readonly status: IssuerKey['status'];
  readonly createdAt: string;
  readonly retiredAt?: string;
  readonly revokedAt?: string;
}

/** Fetches a design's own image (PNG or SVG) when it is hosted elsewhere; null when it cannot. */
export type ImageSource = (
  url: string,
) => Promise<{ type: 'png'; data: Uint8Array } | { type: 'svg'; data: string } | null>;

/** Renders an SVG to PNG (null when it cannot: the PNG is then drawn without text). */
export type SvgRasteriser = (svg: string) => Promise<Buffer | null>;

export interface PublicDocumentsDeps {
  readonly institutions: InstitutionRepository;
  readonly designs: MicroCredentialRepository;
  readonly snapshots: DesignUnitOfWork;
  readonly publishedKeys: PublishedKeys;
  readonly urls: PublicUrls;
  readonly images?: ImageSource;
  /** The stored QA endorsement of a version (read only: never signs on a public request). */
  readonly qaEndorsement?: QaEndorsementSource;
  readonly rasterise?: SvgRasteriser;
}

/**
 * The documents credentials point to, served without authentication: issuer profiles, DID
 * documents and JWKS (every public key, retired ones included), achievements (approved
 * versions only) and baked badge images.
 */
export class PublicDocuments {
  constructor(private readonly deps: PublicDocumentsDeps) {}

  async issuerProfile(institutionId: string): Promise<JsonObject | null> {
    const institution = await this.deps.institutions.get(institutionId);
    if (!institution) return null;
    return {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      ...issuerProfile(this.deps.urls, institution),
    };
  }

  async didDocument(ownerKind: OwnerKind, ownerId: string): Promise<JsonObject | null> {
    const keys = await this.deps.publishedKeys({ ownerKind, ownerId });
    if (keys.length === 0) return null;
    return didDocument(this.deps.urls, { ownerKind, ownerId }, keys);
  }

  async jwks(ownerKind: OwnerKind, ownerId: string): Promise<JsonObject | null> {
    const keys = await this.deps.publishedKeys({ ownerKind, ownerId });
    if (keys.length === 0) return null;
    return jwks(this.deps.urls, { ownerKind, ownerId }, keys);
  }

  /**
   * The keys an owner publishes, as people are told of them: which kind, whether in use, and
   * since when (no key material, no identifiers).
   */
  async keySummary(ownerKind: OwnerKind, ownerId: string): Promise<PublicKeySummary[]> {
    const keys = await this.deps.publishedKeys({ ownerKind, ownerId });
    return keys.map((key) => ({
      algorithm: key.algorithm,
      status: key.status,
      createdAt: key.createdAt,
      ...(key.retiredAt ? { retiredAt: key.retiredAt } : {}),
      ...(key.revokedAt ? { revokedAt: key.revokedAt } : {}),
    }));
  }

  /** A published (or since superseded) design version with its institution, for its page. */
  async publishedVersion(
    microCredentialId: string,
    designVersion?: number,
  ): Promise<{ snapshot: DesignVersion; institution: Institution } | null> {
    const version =
      designVersion ??
      (await this.deps.designs.getPublished(microCredentialId))?.published?.designVersion;
    if (version === undefined) return null;
    const snapshot = await this.deps.snapshots.getSnapshot(microCredentialId, version);
    if (!snapshot || !wasPublishedSnapshot(snapshot.status)) return null;
    const institution = await this.deps.institutions.get(snapshot.institutionId);
    return institution ? { snapshot, institution } : null;
  }

  /** An approved design version as an OB 3.0 Achievement (with its EU elements as data). */
  async achievement(microCredentialId: string, designVersion: number): Promise<JsonObject | null> {
    const snapshot = await this.deps.snapshots.getSnapshot(microCredentialId, designVersion);
    if (!snapshot || !wasPublishedSnapshot(snapshot.status)) return null;
    const [institution, qa] = await Promise.all([
      this.deps.institutions.get(snapshot.institutionId),
      this.qaEndorsement(microCredentialId, designVersion),
    ]);
    if (!institution) return null;
    return {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, this.deps.urls.extensionContext()],
      ...achievement({
        urls: this.deps.urls,
        institution,
        microCredentialId,
        designVersion,
        content: snapshot.content,
        qualityAssurance: snapshot.qualityAssurance,
        endorsements: qa ? [qa] : [],
      }),
    };
  }

  /** The QA endorsement of a published version, as signed; null for any other. */
  async qaEndorsement(
    microCredentialId: string,
    designVersion: number,
  ): Promise<JsonObject | null> {
    if (!this.deps.qaEndorsement) return null;
    const snapshot = await this.deps.snapshots.getSnapshot(microCredentialId, designVersion);
    if (!snapshot || !wasPublishedSnapshot(snapshot.status)) return null;
    return this.deps.qaEndorsement(microCredentialId, designVersion);
  }

  /**
   * The design-level achievement URL (named by endorsements signed before they named a version):
   * its current published version.
   */
  async currentAchievement(microCredentialId: string): Promise<JsonObject | null> {
    const published = await this.deps.designs.getPublished(microCredentialId);
    return published?.published
      ? this.achievement(microCredentialId, published.published.designVersion)
      : null;
  }

  /** The generated badge of an approved design version. */
  async achievementImage(microCredentialId: string, designVersion: number): Promise<string | null> {
    const snapshot = await this.deps.snapshots.getSnapshot(microCredentialId, designVersion);
    if (!snapshot || !wasPublishedSnapshot(snapshot.status)) return null;
    const institution = await this.deps.institutions.get(snapshot.institutionId);
    return generatedBadgeSvg(
      snapshot.content.name,
      institution?.name ?? '',
      `${microCredentialId}:${designVersion}`,
    );
  }

  /** The credential baked into the design's image (or a generated one) as PNG or SVG. */
  async bakedBadge(record: CredentialRecord, format: 'png' | 'svg'): Promise<Buffer | string> {
    const seed = `${record.microCredentialId}:${record.designVersion}`;
    const json = JSON.stringify(record.credential);
    const credential = readCredential(record.credential)!;
    const imageId = stringField(credential.achievement?.image, 'id');
    // Only an image hosted elsewhere is fetched; the platform's own badges are generated.
    const ownImage =
      imageId && !imageId.startsWith(this.deps.urls.base)
        ? await this.deps.images?.(imageId).catch(() => null)
        : null;
    const institutionName = credential.issuer.name ?? '';
    if (format === 'png') {
      // The PNG shows what the SVG shows: the generated SVG, rendered (or the design's own image).
      const rendered =
        ownImage?.type === 'png'
          ? ownImage.data
          : await this.deps.rasterise?.(
              ownImage?.type === 'svg'
                ? ownImage.data
                : generatedBadgeSvg(record.achievementName, institutionName, seed),
            );
      return bakePng(rendered ?? (await generatedBadgePng(seed)), json);
    }
    const svg =
      ownImage?.type === 'svg'
        ? ownImage.data
        : generatedBadgeSvg(record.achievementName, institutionName, seed);
    return bakeSvg(svg, { json });
  }
}
