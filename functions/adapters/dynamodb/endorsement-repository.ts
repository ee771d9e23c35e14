import * as z from 'zod';
import { endorsementSchema, type Endorsement, type Invitation } from '../../core/partners/model';
import type { EndorsementRepository } from '../../core/partners/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { cancellationReasons } from './errors';
import { eventPuts } from './event-item';
import { invitationWrites } from './invitation-repository';
import {
  activeEndorsementEntity,
  endorsementCredentialEntity,
  endorsementEntity,
  endorsementVersionEntity,
} from './keys';
import { versionedPut, type DynamoTable, type TransactItem } from './table';

/** Endorsement credentials are stored as JSON text, served exactly as signed. */
const storedEndorsementSchema = endorsementSchema.extend({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});
const versionCredentialSchema = z.object({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});
const activeEndorsementSchema = z.object({ endorsementId: z.string() });
const endorsementCredentialSchema = z.object({
  endorsementId: z.string(),
  credentialId: z.string(),
});

const endorsementKey = (id: string) => primaryKey(endorsementEntity.primary, { id });
const endorsementItem = (endorsement: Endorsement) => ({
  ...storedKeys(endorsementEntity, endorsement),
  ...endorsement,
  credential: JSON.stringify(endorsement.credential),
});

/**
 * The items that store a new endorsement, in this order (a cancellation's reasons are read by
 * position): the endorsement, its credential id (one endorsement per credential: a second
 * submission of the same credential fails there), and the partner's active endorsement of the
 * target (one at a time; an expired one may be replaced).
 */
function newEndorsementPuts(TableName: string, endorsement: Endorsement): TransactItem[] {
  const credentialId = endorsement.credential.id;
  if (typeof credentialId !== 'string')
    throw new Error('Cannot store an endorsement whose credential has no id.');
  return [
    {
      Put: {
        TableName,
        Item: endorsementItem(endorsement),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName,
        Item: {
          ...storedKeys(endorsementCredentialEntity, { credentialId }),
          version: 1,
          endorsementId: endorsement.id,
          credentialId,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName,
        Item: {
          ...storedKeys(activeEndorsementEntity, endorsement),
          version: 1,
          endorsementId: endorsement.id,
          ...(endorsement.expiresOn ? { expiresOn: endorsement.expiresOn } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresOn < :now',
        ExpressionAttributeValues: { ':now': endorsement.issuedAt },
      },
    },
  ];
}

/** The conflict of a cancelled `newEndorsementPuts` transaction, told by the item that failed. */
function endorsementConflict(error: unknown): unknown {
  const reasons = error instanceof ConflictError ? cancellationReasons(error.cause) : [];
  if (reasons[1] === 'ConditionalCheckFailed') {
    return new ConflictError(
      'ENDORSEMENT_DUPLICATE',
      'An endorsement with this credential id was already submitted; sign a new credential (with a new id) instead.',
      { cause: error },
    );
  }
  if (reasons[2] === 'ConditionalCheckFailed') {
    return new ConflictError(
      'ENDORSEMENT_EXISTS',
      'The partner already has an active endorsement of this; withdraw it before endorsing again.',
      { cause: error },
    );
  }
  return error;
}

export class DynamoDbEndorsementRepository implements EndorsementRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(
    endorsement: Endorsement,
    events: readonly DomainEvent[],
    invitation?: { next: Invitation; expectedVersion: number },
  ): Promise<void> {
    const TableName = this.table.tableName;
    const items: TransactItem[] = [
      ...newEndorsementPuts(TableName, endorsement),
      ...(invitation
        ? invitationWrites(TableName, invitation.next, invitation.expectedVersion)
        : []),
      ...eventPuts(TableName, events),
    ];
    try {
      await this.table.transact(items, 'ENDORSEMENT_CONFLICT', `Endorsement ${endorsement.id}`);
    } catch (error) {
      throw endorsementConflict(error);
    }
  }

  async get(id: string): Promise<Endorsement | null> {
    return this.table.get(endorsementKey(id), storedEndorsementSchema);
  }

  async activeBy(partnerId: string, target: Endorsement['target']): Promise<Endorsement | null> {
    const held = await this.table.get(
      primaryKey(activeEndorsementEntity.primary, { partnerId, target }),
      activeEndorsementSchema,
      true,
    );
    if (!held) return null;
    const endorsement = await this.table.get(
      endorsementKey(held.endorsementId),
      storedEndorsementSchema,
      true,
    );
    return endorsement?.status === 'ACTIVE' ? endorsement : null;
  }

  async findByCredentialId(credentialId: string): Promise<Endorsement | null> {
    const entry = await this.table.get(
      primaryKey(endorsementCredentialEntity.primary, { credentialId }),
      endorsementCredentialSchema,
    );
    if (!entry || entry.credentialId !== credentialId) return null;
    return this.get(entry.endorsementId);
  }

  async update(
    endorsement: Endorsement,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        { Put: versionedPut(TableName, endorsementItem(endorsement), expectedVersion) },
        // A withdrawn endorsement frees the partner to endorse the target again.
        ...(endorsement.status === 'ACTIVE'
          ? []
          : [
              {
                Delete: {
                  TableName,
                  Key: primaryKey(activeEndorsementEntity.primary, endorsement),
                  ConditionExpression: 'attribute_not_exists(pk) OR endorsementId = :id',
                  ExpressionAttributeValues: { ':id': endorsement.id },
                },
              },
            ]),
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Endorsement ${endorsement.id}`,
    );
  }

  async listByTarget(
    kind: Endorsement['target']['kind'],
    targetId: string,
  ): Promise<Endorsement[]> {
    const page = await this.table.queryPage({
      ...partitionOf(endorsementEntity.indexes.byTarget, { target: { kind, id: targetId } }),
      page: { limit: 100 },
      schema: storedEndorsementSchema,
    });
    return [...page.items];
  }

  async listByPartner(partnerId: string, page: PageRequest): Promise<Page<Endorsement>> {
    return this.table.queryPage({
      ...partitionOf(endorsementEntity.indexes.byPartner, { partnerId }),
      newestFirst: true,
      page,
      schema: storedEndorsementSchema,
    });
  }

  async getVersionCredential(
    endorsementId: string,
    designVersion: number,
  ): Promise<Record<string, unknown> | null> {
    const stored = await this.table.get(
      primaryKey(endorsementVersionEntity.primary, { endorsementId, designVersion }),
      versionCredentialSchema,
      true,
    );
    return stored?.credential ?? null;
  }

  async addVersionCredential(
    endorsementId: string,
    designVersion: number,
    credential: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    try {
      await this.table.putNew({
        ...storedKeys(endorsementVersionEntity, { endorsementId, designVersion }),
        version: 1,
        // Stored as JSON text, served exactly as signed.
        credential: JSON.stringify(credential),
      });
      return credential;
    } catch (error) {
      // Signed at the same moment by another issuance: the one stored first is the one.
      const stored =
        error instanceof ConflictError
          ? await this.getVersionCredential(endorsementId, designVersion)
          : null;
      if (stored) return stored;
      throw error;
    }
  }
}
