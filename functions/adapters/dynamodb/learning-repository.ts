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
import { partitionOf, primaryKey, storedKeys } from './entity';
import {
  enrolmentClaimEntity,
  enrolmentEntity,
  evidenceFileEntity,
  submissionEntity,
} from './keys';
import { versionedPut, type DynamoTable } from './table';

const enrolmentClaimSchema = z.object({ enrolmentId: z.string() });

const enrolmentItem = (enrolment: Enrolment) => ({
  ...storedKeys(enrolmentEntity, enrolment),
  ...enrolment,
});
const fileItem = (file: EvidenceFile) => ({ ...storedKeys(evidenceFileEntity, file), ...file });
const submissionItem = (submission: Submission) => ({
  ...storedKeys(submissionEntity, submission),
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
                ...storedKeys(enrolmentClaimEntity, enrolment),
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
      primaryKey(enrolmentClaimEntity.primary, { learnerId, microCredentialId }),
      enrolmentClaimSchema,
      true,
    );
    return claim ? this.getEnrolment(claim.enrolmentId) : null;
  }

  async getEnrolment(id: string): Promise<Enrolment | null> {
    return this.table.get(primaryKey(enrolmentEntity.primary, { id }), enrolmentSchema, true);
  }

  async listEnrolments(learnerId: string, page: PageRequest): Promise<Page<Enrolment>> {
    return this.table.queryPage({
      ...partitionOf(enrolmentEntity.indexes.byLearner, { learnerId }),
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
    await this.table.putNew(fileItem(file));
  }

  async getFile(id: string): Promise<EvidenceFile | null> {
    return this.table.get(primaryKey(evidenceFileEntity.primary, { id }), evidenceFileSchema, true);
  }

  async updateFile(file: EvidenceFile, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(fileItem(file), expectedVersion);
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
    return this.table.get(primaryKey(submissionEntity.primary, { id }), submissionSchema, true);
  }

  async submissionsOf(enrolmentId: string): Promise<Submission[]> {
    const indexed = await this.table.queryAll({
      ...partitionOf(submissionEntity.indexes.byEnrolment, { enrolmentId }),
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
          ...partitionOf(submissionEntity.indexes.queueOfDesign, {
            institutionId,
            microCredentialId,
          }),
          page,
          schema: submissionSchema,
        })
      : this.table.queryPage({
          ...partitionOf(submissionEntity.indexes.queue, { institutionId }),
          page,
          schema: submissionSchema,
        });
  }
}
