import { createHash } from 'node:crypto';
import type { DesignContent, QualityAssurance } from '../designs/model';
import { alignmentTargetTypes } from '../designs/model';
import type { Institution } from '../institutions/model';
import type { PublicUrls } from '../shared/public-urls';
import { achievementElements } from './achievement-elements';
import type { StatusEntry } from './credential';
import type { JsonObject } from './document';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/** Defines `1EdTechJsonSchemaValidator2019` (the OB 3.0 credentialSchema type); bundled. */
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const EQF_URL = 'https://europass.europa.eu/en/description-eight-eqf-levels';

/**
 * An industry partner's public Profile (what its DID names), with the contexts it is read in:
 * served at the partner's profile URL.
 */
export function partnerProfile(
  urls: PublicUrls,
  partner: { id: string; name: string; url: string; email?: string; description?: string },
): JsonObject {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: urls.partnerDid(partner.id),
    type: ['Profile'],
    name: partner.name,
    url: partner.url,
    ...(partner.email ? { email: partner.email } : {}),
    ...(partner.description ? { description: partner.description } : {}),
  };
}

/** The issuer `Profile` embedded in credentials and served at the profile URL. */
export function issuerProfile(urls: PublicUrls, institution: Institution): JsonObject {
  const { address } = institution;
  return {
    id: urls.issuerDid(institution.id),
    type: ['Profile'],
    name: institution.name,
    url: institution.url,
    ...(institution.email ? { email: institution.email } : {}),
    ...(institution.phone ? { phone: institution.phone } : {}),
    ...(institution.description ? { description: institution.description } : {}),
    ...(institution.image ? { image: { id: institution.image, type: 'Image' } } : {}),
    address: {
      type: ['Address'],
      addressCountry: address.addressCountry,
      ...(address.addressRegion ? { addressRegion: address.addressRegion } : {}),
      ...(address.addressLocality ? { addressLocality: address.addressLocality } : {}),
      ...(address.streetAddress ? { streetAddress: address.streetAddress } : {}),
      ...(address.postalCode ? { postalCode: address.postalCode } : {}),
    },
  };
}

const participationLabels: Record<DesignContent['participationForm'], string> = {
  ONLINE: 'Online',
  ONSITE: 'On site',
  BLENDED: 'Blended (online and on site)',
  WORK_BASED: 'Work-based',
  VOLUNTEERING: 'Volunteering',
};

/**
 * The criteria narrative (markdown): the design's criteria, each component's criteria, and the
 * EU micro-credential elements OB 3.0 has no property for (workload in hours, type of
 * assessment, form of participation, prerequisites, quality assurance). Keeping them in a
 * standard property means every OB 3.0 verifier accepts the credential; the achievement URL
 * also serves them as structured data.
 */
function criteriaNarrative(content: DesignContent, qualityAssurance?: QualityAssurance): string {
  const { educational, demonstration, reflective } = content.components;
  const details = [
    content.workload.hours
      ? `- Workload: ${content.workload.hours} hours${content.workload.ects ? ` (${content.workload.ects} ECTS)` : ''}`
      : null,
    !content.workload.hours && content.workload.ects
      ? `- Workload: ${content.workload.ects} ECTS`
      : null,
    `- Type of assessment: ${content.assessmentType}`,
    `- Form of participation: ${participationLabels[content.participationForm]}`,
    content.level
      ? `- Level: ${content.level.framework} ${content.level.value}${content.level.name ? ` (${content.level.name})` : ''}`
      : null,
    content.prerequisites ? `- Prerequisites: ${content.prerequisites}` : null,
    qualityAssurance
      ? `- Quality assurance: approved through "${qualityAssurance.workflowName}" (${qualityAssurance.steps.map((step) => step.name).join(', ')}) on ${qualityAssurance.approvedAt.slice(0, 10)}`
      : null,
  ].filter((line): line is string => line !== null);
  return [
    content.criteria,
    `**Educational component — ${educational.title}.** ${educational.criteria}`,
    `**Demonstration component — ${demonstration.title}.** ${demonstration.criteria}`,
    `**Reflective component — ${reflective.title}.** ${reflective.criteria}`,
    `**Learning outcomes**\n\n${content.learningOutcomes.map((outcome) => `- ${outcome}`).join('\n')}`,
    `**Micro-credential details**\n\n${details.join('\n')}`,
  ].join('\n\n');
}

/**
 * The OB 3.0 `Achievement` for one approved design version. Competencies, the level and each
 * learning outcome are `Alignment`s (outcomes point at their anchor on the achievement page);
 * ECTS is `creditsAvailable`; the other EU elements are in the criteria narrative.
 */
export function achievement(args: {
  urls: PublicUrls;
  institution: Institution;
  microCredentialId: string;
  designVersion: number;
  content: DesignContent;
  qualityAssurance?: QualityAssurance;
  endorsements?: readonly JsonObject[];
  /** Achievements this one builds on (the parts of a stack). */
  relatedAchievements?: readonly { name: string; url: string }[];
}): JsonObject {
  const { content, urls } = args;
  const achievementUrl = urls.achievement(args.microCredentialId, args.designVersion);
  const alignment = alignmentsOf(args, achievementUrl);
  const imageUrl =
    content.image?.url ?? urls.achievementImage(args.microCredentialId, args.designVersion);
  return {
    id: achievementUrl,
    type: ['Achievement'],
    achievementType: content.achievementType,
    name: content.name,
    description: content.description,
    criteria: { narrative: criteriaNarrative(content, args.qualityAssurance) },
    image: {
      id: imageUrl,
      type: 'Image',
      caption: content.image?.caption ?? `${content.name} badge`,
    },
    creator: issuerProfile(urls, args.institution),
    inLanguage: content.language,
    version: String(args.designVersion),
    alignment,
    ...(content.workload.ects ? { creditsAvailable: content.workload.ects } : {}),
    ...(content.humanCode ? { humanCode: content.humanCode } : {}),
    ...(content.fieldOfStudy ? { fieldOfStudy: content.fieldOfStudy } : {}),
    ...(content.specialization ? { specialization: content.specialization } : {}),
    ...(content.tags.length ? { tag: content.tags } : {}),
    ...(resultDescriptions(achievementUrl, content).length
      ? { resultDescription: resultDescriptions(achievementUrl, content) }
      : {}),
    ...achievementElements(content),
    ...(args.endorsements?.length ? { endorsement: args.endorsements } : {}),
  };
}

/**
 * The achievement's `Alignment`s: its competencies, its level, the achievements it builds on,
 * then each learning outcome (pointing at its anchor on the achievement page).
 */
function alignmentsOf(
  args: Pick<Parameters<typeof achievement>[0], 'content' | 'institution' | 'relatedAchievements'>,
  achievementUrl: string,
): JsonObject[] {
  const alignment: JsonObject[] = args.content.competencies.map((competency) => ({
    type: ['Alignment'],
    targetName: competency.name,
    targetUrl: competency.url,
    ...(competency.description ? { targetDescription: competency.description } : {}),
    ...(competency.framework ? { targetFramework: competency.framework } : {}),
    ...(competency.code ? { targetCode: competency.code } : {}),
    ...(competency.type ? { targetType: alignmentTargetTypes[competency.type] } : {}),
  }));
  if (args.content.level) {
    const isEqf = args.content.level.framework.toUpperCase() === 'EQF';
    alignment.push({
      type: ['Alignment'],
      targetName:
        args.content.level.name ??
        `${args.content.level.framework} level ${args.content.level.value}`,
      targetFramework: args.content.level.framework,
      targetCode: args.content.level.value,
      targetUrl: isEqf ? EQF_URL : `${achievementUrl}#level`,
    });
  }
  for (const related of args.relatedAchievements ?? []) {
    alignment.push({
      type: ['Alignment'],
      targetName: related.name,
      targetUrl: related.url,
      targetType: 'ceterms:Credential',
    });
  }
  args.content.learningOutcomes.forEach((outcome, index) => {
    alignment.push({
      type: ['Alignment'],
      targetName: outcome,
      targetFramework: `${args.institution.name} learning outcomes`,
      targetCode: `LO${index + 1}`,
      targetUrl: `${achievementUrl}#outcome-${index + 1}`,
    });
  });
  return alignment;
}

const componentKeys = ['educational', 'demonstration', 'reflective'] as const;

/** Where a component's rubric and its levels live, for `Result`s to point at. */
export function rubricIds(
  achievementUrl: string,
  component: (typeof componentKeys)[number],
  levelId?: string,
): string {
  return `${achievementUrl}#rubric-${component}${levelId ? `-${levelId}` : ''}`;
}

/** One OB 3.0 `ResultDescription` per component that has a rubric. */
export function resultDescriptions(achievementUrl: string, content: DesignContent): JsonObject[] {
  return componentKeys.flatMap((key) => {
    const component = content.components[key];
    if (!component.rubric) return [];
    return [
      {
        id: rubricIds(achievementUrl, key),
        type: ['ResultDescription'],
        name: `${component.title} rubric`,
        resultType: 'RubricCriterionLevel',
        rubricCriterionLevel: component.rubric.map((level) => ({
          id: rubricIds(achievementUrl, key, level.id),
          type: ['RubricCriterionLevel'],
          name: level.name,
          ...(level.description ? { description: level.description } : {}),
          ...(level.points !== undefined ? { points: String(level.points) } : {}),
        })),
      },
    ];
  });
}

/**
 * OB 3.0 `IdentityObject` for an email: `sha256$` + hex SHA-256 of the address followed by
 * the salt, so the credential never carries the email itself.
 */
export function emailIdentity(address: string, salt: string): JsonObject {
  const digest = createHash('sha256')
    .update(address + salt, 'utf8')
    .digest('hex');
  return {
    type: 'IdentityObject',
    identityHash: `sha256$${digest}`,
    identityType: 'emailAddress',
    hashed: true,
    salt,
  };
}

/**
 * The credential's one `BitstringStatusListEntry` (OB 3.0 allows one `credentialStatus`): its
 * revocation position, which every Bitstring Status List verifier reads. Suspension is kept by
 * the platform and shown by its own verification (see docs/decisions.md).
 */
export function statusEntry(
  urls: PublicUrls,
  institutionId: string,
  entry: StatusEntry,
): JsonObject {
  const list = urls.statusList(institutionId, entry.purpose, entry.listNumber);
  return {
    id: `${list}#${entry.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: entry.purpose,
    statusListIndex: String(entry.index),
    statusListCredential: list,
  };
}

/** An unsigned `OpenBadgeCredential` (VC Data Model 2.0 + OB 3.0.3). */
export function openBadgeCredential(args: {
  id: string;
  issuer: JsonObject;
  name: string;
  description: string;
  validFrom: string;
  validUntil?: string;
  subject: JsonObject;
  evidence?: readonly JsonObject[];
  credentialStatus: JsonObject;
  /** Contexts after OB 3.0's (Tessera's extension context when the achievement uses it). */
  extraContexts?: readonly string[];
}): JsonObject {
  return {
    '@context': [
      VC_V2_CONTEXT,
      OB_V3_CONTEXT,
      OB_EXTENSIONS_CONTEXT,
      ...(args.extraContexts ?? []),
    ],
    id: args.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: args.issuer,
    validFrom: args.validFrom,
    ...(args.validUntil ? { validUntil: args.validUntil } : {}),
    name: args.name,
    description: args.description,
    credentialSubject: args.subject,
    ...(args.evidence?.length ? { evidence: args.evidence } : {}),
    credentialSchema: [
      { id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' },
    ],
    credentialStatus: args.credentialStatus,
  };
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const date = new Date(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString();
}

/**
 * The VC-JWT payload for an OB 3.0 credential (OB 3.0.3 §8.2.4.1, on VC Data Model 2.0): the
 * credential itself, Data Integrity proof included (§8.2.4: embedded proofs come first), with
 * the claims `iss` (issuer.id), `jti` (id), `nbf` (validFrom), `exp` (validUntil, when it has
 * one) and `sub` (credentialSubject.id). A subject identified only by `identifier` has no id a
 * `sub` could carry, so then there is none.
 */
export function jwtClaims(credential: JsonObject): JsonObject {
  const issuer = credential.issuer as { id: string };
  const subject = credential.credentialSubject as { id?: string };
  const seconds = (iso: unknown) =>
    typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined;
  const nbf = seconds(credential.validFrom);
  const exp = seconds(credential.validUntil);
  return {
    ...credential,
    iss: issuer.id,
    jti: credential.id,
    ...(subject.id ? { sub: subject.id } : {}),
    ...(nbf !== undefined ? { nbf } : {}),
    ...(exp !== undefined ? { exp } : {}),
  };
}
