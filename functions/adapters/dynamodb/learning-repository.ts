import * as z from 'zod';
import {
  enrolmentSchema,
  evidenceFileSchema,
  submissionSchema,
  type Enrolment,
  type EvidenceFile,
  type Submission,
} from '../../core/learning/model';
import type { LearningRepository } from '../../core/learning/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { eventPuts } from './event-item';
import { keys } from './keys';
import { versionedPut, type DynamoTable } from './table';

const enrolmentKey = (id: string) => ({ pk: `ENROLMENT#${id}`, sk: 'ENROLMENT' });
/** The one enrolment of a learner in a design, by its (random) id. */
const enrolmentClaimKey = (learnerId: string, microCredentialId: string) => ({
  pk: `LEARNER#${learnerId}#DESIGN#${microCredentialId}`,
  sk: 'ENROLMENT_CLAIM',
});
const enrolmentClaimSchema = z.object({ enrolmentId: z.string() });
const fileKey = (id: string) => ({ pk: `EVIDENCEFILE#${id}`, sk: 'FILE' });
const submissionKey = (id: string) => ({ pk: `SUBMISSION#${id}`, sk: 'SUBMISSION' });

const enrolmentItem = (enrolment: Enrolment) => ({
  ...enrolmentKey(enrolment.id),
  gsi1pk: `LEARNER#${enrolment.learnerId}#ENROLMENTS`,
  gsi1sk: `${enrolment.enrolledAt}#${enrolment.id}`,
  entity: 'Enrolment',
  ...enrolment,
});

const submissionItem = (submission: Submission) => ({
  ...submissionKey(submission.id),
  gsi1pk: `ENROLMENT#${submission.enrolmentId}#SUBMISSIONS`,
  gsi1sk: `${submission.submittedAt}#${submission.id}`,
  // Only waiting submissions sit in the assessors' queues (sparse indexes): the institution's
  // on gsi2, and the same queue split by design on gsi3.
  ...(submission.status === 'SUBMITTED'
    ? {
        gsi2pk: keys.assessmentQueue(submission.institutionId),
        gsi2sk: `${submission.submittedAt}#${submission.id}`,
        gsi3pk: keys.designAssessmentQueue(submission.institutionId, submission.microCredentialId),
        gsi3sk: `${submission.submittedAt}#${submission.id}`,
      }
    : {}),
  entity: 'EvidenceSubmission',
  ...submission,
});

/** Enrolments, evidence submissions and evidence file records (never the files). */
export class DynamoDbLearningRepository implements LearningRepository {
  constructor(private readonly table: DynamoTable) {}

  async enrol(enrolment: Enrolment, events: readonly DomainEvent[]): Promise<Enrolment> {
    const TableName = this.table.tableName;
    try {
      // The enrolment and its claim (learner and design → enrolment id), each written only if
      // absent: of two enrolments at once, one is stored and the other finds it.
      await this.table.transact(
        [
          {
            Put: {
              TableName,
              Item: enrolmentItem(enrolment),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName,
              Item: {
                ...enrolmentClaimKey(enrolment.learnerId, enrolment.microCredentialId),
                entity: 'EnrolmentClaim',
                version: 1,
                enrolmentId: enrolment.id,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...eventPuts(TableName, events),
        ],
        'ALREADY_ENROLLED',
        `Enrolment ${enrolment.id}`,
      );
      return enrolment;
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== 'ALREADY_ENROLLED') throw error;
      return (
        (await this.findEnrolment(enrolment.learnerId, enrolment.microCredentialId)) ??
        (await this.getEnrolment(enrolment.id)) ??
        enrolment
      );
    }
  }

  async findEnrolment(learnerId: string, microCredentialId: string): Promise<Enrolment | null> {
    const claim = await this.table.get(
      enrolmentClaimKey(learnerId, microCredentialId),
      enrolmentClaimSchema,
      true,
    );
    return claim ? this.getEnrolment(claim.enrolmentId) : null;
  }

  async getEnrolment(id: string): Promise<Enrolment | null> {
    return this.table.get(enrolmentKey(id), enrolmentSchema, true);
  }

  async listEnrolments(learnerId: string, page: PageRequest): Promise<Page<Enrolment>> {
    return this.table.queryPage({
      index: 'gsi1',
      partitionValue: `LEARNER#${learnerId}#ENROLMENTS`,
      newestFirst: true,
      page,
      schema: enrolmentSchema,
    });
  }

  async updateEnrolment(
    enrolment: Enrolment,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        { Put: versionedPut(TableName, enrolmentItem(enrolment), expectedVersion) },
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Enrolment ${enrolment.id}`,
    );
  }

  async addFile(file: EvidenceFile): Promise<void> {
    await this.table.putNew({ ...fileKey(file.id), entity: 'EvidenceFile', ...file });
  }

  async getFile(id: string): Promise<EvidenceFile | null> {
    return this.table.get(fileKey(id), evidenceFileSchema, true);
  }

  async updateFile(file: EvidenceFile, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(
      { ...fileKey(file.id), entity: 'EvidenceFile', ...file },
      expectedVersion,
    );
  }

  async submit(
    submission: Submission,
    enrolment: { next: Enrolment; expectedVersion: number },
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: submissionItem(submission),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: versionedPut(TableName, enrolmentItem(enrolment.next), enrolment.expectedVersion) },
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Enrolment ${enrolment.next.id}`,
    );
  }

  async assess(
    submission: { next: Submission; expectedVersion: number },
    enrolment: { next: Enrolment; expectedVersion: number },
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: versionedPut(TableName, submissionItem(submission.next), submission.expectedVersion),
        },
        { Put: versionedPut(TableName, enrolmentItem(enrolment.next), enrolment.expectedVersion) },
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Submission ${submission.next.id}`,
    );
  }

  async getSubmission(id: string): Promise<Submission | null> {
    return this.table.get(submissionKey(id), submissionSchema, true);
  }

  async submissionsOf(enrolmentId: string): Promise<Submission[]> {
    const indexed = await this.table.queryAll({
      index: 'gsi1',
      partitionValue: `ENROLMENT#${enrolmentId}#SUBMISSIONS`,
      schema: submissionSchema,
    });
    // The index is eventually consistent; read each item strongly for current statuses.
    const fresh = await Promise.all(indexed.map((item) => this.getSubmission(item.id)));
    return fresh.filter((item): item is Submission => item !== null);
  }

  async queue(
    institutionId: string,
    page: PageRequest,
    microCredentialId?: string,
  ): Promise<Page<Submission>> {
    return microCredentialId
      ? this.table.queryPage({
          index: 'gsi3',
          partitionValue: keys.designAssessmentQueue(institutionId, microCredentialId),
          page,
          schema: submissionSchema,
        })
      : this.table.queryPage({
          index: 'gsi2',
          partitionValue: keys.assessmentQueue(institutionId),
          page,
          schema: submissionSchema,
        });
  }
}
