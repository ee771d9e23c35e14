import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import type { UserPrincipal } from '../../functions/core/auth/principal';
import type { Container } from '../../functions/composition/container';
import { currentStep, type Review } from '../../functions/core/qa/model';
import { DomainError } from '../../functions/core/shared/errors';
import { demoDesigns, demoInstitution } from './demo-content';
import { sampleReviewFields } from './portal-flows';

const seedRecord = z.object({
  institutionId: z.string(),
  microCredentialIds: z.array(z.string()),
  /** The seeded industry partner (absent in records written before designs were published). */
  partnerId: z.string().optional(),
  /** The design taken through QA, endorsed and published, once that finished. */
  publishedMicroCredentialId: z.string().optional(),
});
export type SeedRecord = z.infer<typeof seedRecord>;

const seeder: UserPrincipal = {
  kind: 'user',
  userId: 'local-seed',
  roles: ['platform-admin'],
  qaRoles: [],
};

const demoPartner = {
  name: 'Lakeshore Health Network',
  url: 'https://lakeshore-health.example.com',
  description: 'A regional employer of clinical and administrative staff.',
};
const demoEndorsement = {
  comment: 'Graduates of this micro-credential lead our ward teams with confidence.',
  competencies: ['Lead a team'],
};

/** Reads what an earlier seed created, if the record exists. */
export function readSeedRecord(file: string): SeedRecord | null {
  try {
    return seedRecord.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

function writeSeedRecord(file: string, record: SeedRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(record, null, 2));
}

/**
 * Seeds a demo institution so a new user sees a catalogue at once: its designs as drafts, and
 * the first one taken through the default QA workflow, endorsed by a seeded industry partner
 * and published, all through the same services the API calls. Every step is recorded in
 * `recordFile` or read back from the data, so a restart (data kept) resumes or does nothing.
 * `drain` waits for the stream worker (it creates the partner's signing keys).
 */
export async function seedDemoInstitution(
  container: Container,
  recordFile: string,
  options: { drain?: () => Promise<void> } = {},
): Promise<SeedRecord> {
  const { services } = container;
  let record = readSeedRecord(recordFile);
  if (!record || !(await services.institutions.find(record.institutionId))) {
    const institution = await services.institutions.create(seeder, demoInstitution);
    const author = adminOf(institution.id);
    const microCredentialIds: string[] = [];
    for (const design of demoDesigns) {
      const created = await services.microCredentials.create(author, {
        ...design,
        institutionId: institution.id,
      });
      microCredentialIds.push(created.id);
    }
    record = { institutionId: institution.id, microCredentialIds };
    writeSeedRecord(recordFile, record);
  }
  if (record.publishedMicroCredentialId) return record;

  const { institutionId } = record;
  const designId = record.microCredentialIds[0]!;
  const author = adminOf(institutionId);
  if (!record.partnerId) {
    const partner = await services.partners.create(author, { ...demoPartner, institutionId });
    record = { ...record, partnerId: partner.id };
    writeSeedRecord(recordFile, record);
  }
  const partnerAdmin: UserPrincipal = {
    kind: 'user',
    userId: 'local-seed-partner-admin',
    roles: ['partner-admin'],
    qaRoles: [],
    partnerId: record.partnerId,
  };

  await approve(container, designId, institutionId);
  // Submitting the same endorsement again returns the one on record.
  await whenKeysReady(
    () =>
      services.endorsementSubmission.submit(partnerAdmin, {
        ...demoEndorsement,
        microCredentialId: designId,
      }),
    options.drain,
  );
  const design = await services.microCredentials.get(author, designId);
  if (design.status !== 'PUBLISHED')
    await services.qa.publication.publish(author, designId, design.version);

  record = { ...record, publishedMicroCredentialId: designId };
  writeSeedRecord(recordFile, record);
  return record;
}

function adminOf(institutionId: string): UserPrincipal {
  return { ...seeder, roles: ['issuer-admin'], institutionId };
}

/** Submits the design for review (unless it is in review already) and approves every step. */
async function approve(container: Container, designId: string, institutionId: string) {
  const { services } = container;
  const author = adminOf(institutionId);
  const design = await services.microCredentials.get(author, designId);
  let review: Review;
  if (design.status === 'DRAFT') {
    review = await services.qa.lifecycle.submit(author, designId, design.version, {
      fields: sampleReviewFields,
      comment: 'Seeded for the local demo.',
    });
  } else if (design.status === 'IN_REVIEW' && design.currentReviewId) {
    review = await services.qa.reporting.review(author, design.currentReviewId);
  } else {
    return;
  }
  while (review.status === 'IN_PROGRESS') {
    const step = currentStep(review);
    const reviewer: UserPrincipal = {
      kind: 'user',
      userId: `local-seed-reviewer-${step.role}`,
      roles: ['qa-reviewer'],
      institutionId,
      qaRoles: [step.role],
    };
    review = await services.qa.lifecycle.decide(reviewer, review.id, {
      stepKey: step.key,
      outcome: 'APPROVE',
      comment: 'Meets the framework (seeded).',
    });
  }
}

/** Runs `action`, waiting while the worker is still creating the signing keys it needs. */
async function whenKeysReady<T>(action: () => Promise<T>, drain?: () => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await action();
    } catch (error) {
      const notReady = error instanceof DomainError && error.retryable;
      if (!notReady || attempt >= 50) throw error;
      if (drain) await drain();
      await sleep(200);
    }
  }
}
