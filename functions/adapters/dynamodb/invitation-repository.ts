import * as z from 'zod';
import { invitationSchema, type Invitation } from '../../core/partners/model';
import type { InvitationRepository } from '../../core/partners/ports';
import type { DomainEvent } from '../../core/shared/events';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { eventPuts } from './event-item';
import { invitationEntity, pendingInvitationEntity } from './keys';
import { versionedPut, type DynamoTable, type TransactItem } from './table';

const invitationItem = (invitation: Invitation) => ({
  ...storedKeys(invitationEntity, invitation),
  ...invitation,
});
const pendingInvitationSchema = z.object({ invitationId: z.string() });

/**
 * The writes of an invitation's new version: once it is no longer pending, the partner's
 * pending-invitation item for the design is released with it.
 */
export function invitationWrites(
  TableName: string,
  next: Invitation,
  expectedVersion: number,
): TransactItem[] {
  return [
    { Put: versionedPut(TableName, invitationItem(next), expectedVersion) },
    ...(next.status === 'PENDING'
      ? []
      : [
          {
            Delete: {
              TableName,
              Key: primaryKey(pendingInvitationEntity.primary, next),
              ConditionExpression: 'attribute_not_exists(pk) OR invitationId = :id',
              ExpressionAttributeValues: { ':id': next.id },
            },
          },
        ]),
  ];
}

/**
 * Invitations, indexed by partner and status and by design. Beside each pending one, an item
 * keyed by partner and design holds its id, written in the same transaction: the index can miss
 * an invitation sent a moment ago, that item cannot, so sending one twice finds the first.
 */
export class DynamoDbInvitationRepository implements InvitationRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(invitation: Invitation, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: invitationItem(invitation),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName,
            Item: {
              ...storedKeys(pendingInvitationEntity, invitation),
              version: 1,
              invitationId: invitation.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...eventPuts(TableName, events),
      ],
      'INVITATION_PENDING',
      `The partner's invitation to endorse ${invitation.microCredentialId}`,
    );
  }

  async get(id: string): Promise<Invitation | null> {
    return this.table.get(primaryKey(invitationEntity.primary, { id }), invitationSchema, true);
  }

  async pendingFor(partnerId: string, microCredentialId: string): Promise<Invitation | null> {
    const held = await this.table.get(
      primaryKey(pendingInvitationEntity.primary, { partnerId, microCredentialId }),
      pendingInvitationSchema,
      true,
    );
    const invitation = held ? await this.get(held.invitationId) : null;
    return invitation?.status === 'PENDING' ? invitation : null;
  }

  async update(
    invitation: Invitation,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        ...invitationWrites(TableName, invitation, expectedVersion),
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Invitation ${invitation.id}`,
    );
  }

  async listByPartner(partnerId: string, status?: Invitation['status']): Promise<Invitation[]> {
    const statuses = status ? [status] : (['PENDING', 'ACCEPTED', 'DECLINED'] as const);
    const pages = await Promise.all(
      statuses.map((candidate) =>
        this.table.queryPage({
          ...partitionOf(invitationEntity.indexes.byPartner, { partnerId, status: candidate }),
          newestFirst: true,
          page: { limit: 100 },
          schema: invitationSchema,
        }),
      ),
    );
    return pages.flatMap((page) => page.items);
  }

  async listByDesign(microCredentialId: string): Promise<Invitation[]> {
    const page = await this.table.queryPage({
      ...partitionOf(invitationEntity.indexes.byDesign, { microCredentialId }),
      newestFirst: true,
      page: { limit: 100 },
      schema: invitationSchema,
    });
    return [...page.items];
  }
}
