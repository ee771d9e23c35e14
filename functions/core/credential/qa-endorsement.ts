/**
 * The QA endorsement: the OB 3.0 `EndorsementCredential` an institution's QA body signs about
 * an achievement version when its QA review approves it. Its claim (`qualityAssurance`, an
 * extension term) is the workflow that approved it, each approved step with its decision date,
 * and the SHA-256 of the content approved. Achievements embed it in `endorsement`, so any OB
 * 3.0 verifier sees the QA record and can check its signature; this module builds it and reads
 * it back.
 */
import * as z from 'zod';
import type { QualityAssurance } from '../designs/model';
import type { Institution } from '../institutions/model';
import type { PublicUrls } from '../shared/public-urls';
import {
  isJsonObject,
  readCredential,
  stringField,
  type CredentialView,
  type JsonObject,
} from './document';
import { issuerProfile, OB_V3_CONTEXT, VC_V2_CONTEXT } from './open-badge';

/** What the `qualityAssurance` claim holds (JSON, canonicalized as a JSON literal). */
export const qaClaimSchema = z.object({
  workflow: z.object({ name: z.string().max(500), version: z.int().positive() }),
  approvedAt: z.iso.datetime(),
  /** SHA-256 (hex) of the design content in RFC 8785 canonical form, as reviewed. */
  contentDigest: z.object({ algorithm: z.literal('SHA-256'), value: z.string().max(128) }),
  steps: z
    .array(
      z.object({
        key: z.string().max(200),
        name: z.string().max(500),
        role: z.string().max(200),
        decidedAt: z.iso.datetime(),
      }),
    )
    .max(50),
});
export type QaClaim = z.output<typeof qaClaimSchema>;

/** The unsigned QA endorsement of one approved achievement version. */
export function qaEndorsementCredential(args: {
  urls: PublicUrls;
  institution: Institution;
  microCredentialId: string;
  designVersion: number;
  designName: string;
  contentDigest: string;
  qualityAssurance: QualityAssurance;
}): JsonObject {
  const { urls, institution, qualityAssurance: qa } = args;
  const claim: QaClaim = {
    workflow: { name: qa.workflowName, version: qa.workflowVersion },
    approvedAt: qa.approvedAt,
    contentDigest: { algorithm: 'SHA-256', value: args.contentDigest },
    steps: qa.steps.map(({ key, name, role, decidedAt }) => ({ key, name, role, decidedAt })),
  };
  const steps = claim.steps.map((step) => `${step.name} (${step.decidedAt.slice(0, 10)})`);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, args.urls.extensionContext()],
    id: urls.qaEndorsement(args.microCredentialId, args.designVersion),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `Quality assurance of ${args.designName} (version ${args.designVersion})`,
    issuer: issuerProfile(urls, institution),
    validFrom: qa.approvedAt,
    credentialSubject: {
      id: urls.achievement(args.microCredentialId, args.designVersion),
      type: ['EndorsementSubject'],
      endorsementComment:
        `${institution.name}'s quality-assurance review approved version ${args.designVersion} ` +
        `of this achievement through "${qa.workflowName}" (workflow version ${qa.workflowVersion}): ` +
        `${steps.join('; ')}. Content approved: SHA-256 ${args.contentDigest}.`,
      qualityAssurance: claim,
    },
  };
}

/** A QA endorsement read back: who signed it, what it endorses, and its claim. */
export interface QaEndorsementView {
  readonly raw: JsonObject;
  readonly issuerId?: string;
  readonly subjectId?: string;
  readonly claim: QaClaim;
}

/**
 * The endorsement as a QA endorsement, or null when it is not one (an industry endorsement,
 * or a document whose `qualityAssurance` claim is not well formed).
 */
export function readQaEndorsement(document: unknown): QaEndorsementView | null {
  if (!isJsonObject(document)) return null;
  const view = readCredential(document);
  if (!view?.types.includes('EndorsementCredential')) return null;
  const subject = view.subject;
  if (!isJsonObject(subject) || !('qualityAssurance' in subject)) return null;
  const claim = qaClaimSchema.safeParse(subject.qualityAssurance);
  if (!claim.success) return null;
  return { raw: document, issuerId: view.issuer.id, subjectId: view.subjectId, claim: claim.data };
}

/** Whether an embedded endorsement is a QA endorsement (shaped as one; not yet verified). */
export function isQaEndorsement(document: unknown): boolean {
  return isJsonObject(document) && readQaEndorsement(document) !== null;
}

/**
 * The QA endorsement of the credential's achievement: embedded in it, issued by the
 * credential's own issuer, and naming the achievement as its subject. Null when there is none.
 */
export function embeddedQaEndorsement(view: CredentialView): QaEndorsementView | null {
  const achievementId = stringField(view.achievement, 'id');
  const embedded = Array.isArray(view.achievement?.endorsement)
    ? view.achievement.endorsement.filter(isJsonObject).slice(0, 20)
    : [];
  for (const document of embedded) {
    const qa = readQaEndorsement(document);
    if (
      qa &&
      qa.issuerId !== undefined &&
      qa.issuerId === view.issuer.id &&
      qa.subjectId === achievementId
    )
      return qa;
  }
  return null;
}
