import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  apiKeySchema,
  endorsementSchema,
  invitationSchema,
  partnerSchema,
  type ApiKey,
  type Endorsement,
  type Invitation,
  type Partner,
} from '../../core/partners/model';
import type {
  ApiKeyRepository,
  EndorsementRepository,
  InvitationRepository,
  PartnerRepository,
} from '../../core/partners/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { cancellationReasons, isConditionFailure, translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import { keys } from './keys';
import { versionedPut, type DynamoTable, type TransactItem } from './table';

const partnerKey = (id: string) => ({ pk: `PARTNER#${id}`, sk: 'PROFILE' });
const linkKey = (institutionId: string, partnerId: string) => ({
  pk: `INSTITUTION#${institutionId}`,
  sk: `PARTNER#${partnerId}`,
});
const apiKeyKey = (keyId: string) => ({ pk: `APIKEY#${keyId}`, sk: 'APIKEY' });
const endorsementKey = (id: string) => ({ pk: `ENDORSEMENT#${id}`, sk: 'ENDORSEMENT' });
/** An endorsement's credential for one achievement version, beside the endorsement. */
const endorsementVersionKey = (id: string, designVersion: number) => ({
  pk: `ENDORSEMENT#${id}`,
  sk: `VERSION#${designVersion.toString().padStart(6, '0')}`,
});
const versionCredentialSchema = z.object({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});
const invitationKey = (id: string) => ({ pk: `INVITATION#${id}`, sk: 'INVITATION' });
const activeEndorsementKey = (endorsement: Endorsement) =>
  keys.activeEndorsement(endorsement.partnerId, endorsement.target.kind, endorsement.target.id);
const activeEndorsementSchema = z.object({ endorsementId: z.string() });
const endorsementCredentialSchema = z.object({
  endorsementId: z.string(),
  credentialId: z.string(),
});

const partnerItem = (partner: Partner) => ({
  ...partnerKey(partner.id),
  entity: 'Partner',
  ...partner,
});
const linkItem = (institutionId: string, partner: Partner) => ({
  ...linkKey(institutionId, partner.id),
  gsi1pk: `INSTITUTION#${institutionId}#PARTNERS`,
  gsi1sk: `${partner.name.toLowerCase()}#${partner.id}`,
  entity: 'PartnerLink',
  version: 1,
  partnerId: partner.id,
});

export class DynamoDbPartnerRepository implements PartnerRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(partner: Partner, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: partnerItem(partner),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...partner.institutionIds.map((institutionId) => ({
          Put: { TableName, Item: linkItem(institutionId, partner) },
        })),
        ...eventPuts(TableName, events),
      ],
      'PARTNER_EXISTS',
      `Partner ${partner.id}`,
    );
  }

  /**
   * Replaces the profile, rewrites a link item for every institution (they carry the name the
   * list is sorted by), deletes the links of unlinked institutions, and records the events.
   */
  async update(
    partner: Partner,
    expectedVersion: number,
    events: readonly DomainEvent[] = [],
    unlinkedInstitutionIds: readonly string[] = [],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        { Put: versionedPut(TableName, partnerItem(partner), expectedVersion) },
        ...partner.institutionIds.map((institutionId) => ({
          Put: { TableName, Item: linkItem(institutionId, partner) },
        })),
        ...unlinkedInstitutionIds.map((institutionId) => ({
          Delete: { TableName, Key: linkKey(institutionId, partner.id) },
        })),
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Partner ${partner.id}`,
    );
  }

  async get(id: string): Promise<Partner | null> {
    return this.table.get(partnerKey(id), partnerSchema);
  }

  async listByInstitution(institutionId: string, page: PageRequest): Promise<Page<Partner>> {
    const links = await this.table.queryPage({
      index: 'gsi1',
      partitionValue: `INSTITUTION#${institutionId}#PARTNERS`,
      page,
      schema: z.object({ partnerId: z.string() }),
    });
    const partners = await Promise.all(links.items.map((link) => this.get(link.partnerId)));
    return {
      items: partners.filter((partner): partner is Partner => partner !== null),
      nextCursor: links.nextCursor,
    };
  }
}

export class DynamoDbApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly table: DynamoTable) {}

  private item(key: ApiKey) {
    return {
      ...apiKeyKey(key.keyId),
      gsi1pk: `PARTNER#${key.partnerId}#APIKEYS`,
      gsi1sk: `${key.createdAt}#${key.keyId}`,
      entity: 'ApiKey',
      ...key,
    };
  }

  async add(key: ApiKey): Promise<void> {
    await this.table.putNew(this.item(key), 'API_KEY_EXISTS');
  }

  async get(keyId: string): Promise<ApiKey | null> {
    return this.table.get(apiKeyKey(keyId), apiKeySchema);
  }

  async listByPartner(partnerId: string): Promise<ApiKey[]> {
    const page = await this.table.queryPage({
      index: 'gsi1',
      partitionValue: `PARTNER#${partnerId}#APIKEYS`,
      newestFirst: true,
      page: { limit: 100 },
      schema: apiKeySchema,
    });
    return [...page.items];
  }

  async update(key: ApiKey, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(this.item(key), expectedVersion);
  }

  async touch(keyId: string, at: string): Promise<void> {
    try {
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET #lastUsedAt = :at',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(#lastUsedAt) OR #lastUsedAt < :at)',
          ExpressionAttributeNames: { '#lastUsedAt': 'lastUsedAt' },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) translateDynamoError(error, 'API key');
    }
  }
}

/** Endorsement credentials are stored as JSON text, served exactly as signed. */
const storedEndorsementSchema = endorsementSchema.extend({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});

export class DynamoDbEndorsementRepository implements EndorsementRepository {
  constructor(private readonly table: DynamoTable) {}

  private item(endorsement: Endorsement) {
    return {
      ...endorsementKey(endorsement.id),
      gsi1pk: `ENDORSED#${endorsement.target.kind}#${endorsement.target.id}`,
      gsi1sk: `${endorsement.issuedAt}#${endorsement.id}`,
      gsi2pk: `PARTNER#${endorsement.partnerId}#ENDORSEMENTS`,
      gsi2sk: `${endorsement.issuedAt}#${endorsement.id}`,
      entity: 'Endorsement',
      ...endorsement,
      credential: JSON.stringify(endorsement.credential),
    };
  }

  async add(
    endorsement: Endorsement,
    events: readonly DomainEvent[],
    invitation?: { next: Invitation; expectedVersion: number },
  ): Promise<void> {
    const TableName = this.table.tableName;
    const credentialId = endorsement.credential.id;
    if (typeof credentialId !== 'string')
      throw new Error('Cannot store an endorsement whose credential has no id.');
    const items: TransactItem[] = [
      {
        Put: {
          TableName,
          Item: this.item(endorsement),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // One endorsement per credential id: a second submission of the same credential fails here.
      {
        Put: {
          TableName,
          Item: {
            ...keys.endorsementCredential(credentialId),
            entity: 'EndorsementCredentialIndex',
            version: 1,
            endorsementId: endorsement.id,
            credentialId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // One active endorsement per partner and target; an expired one may be replaced.
      {
        Put: {
          TableName,
          Item: {
            ...activeEndorsementKey(endorsement),
            entity: 'ActiveEndorsement',
            version: 1,
            endorsementId: endorsement.id,
            ...(endorsement.expiresOn ? { expiresOn: endorsement.expiresOn } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresOn < :now',
          ExpressionAttributeValues: { ':now': endorsement.issuedAt },
        },
      },
      ...(invitation
        ? invitationWrites(TableName, invitation.next, invitation.expectedVersion)
        : []),
      ...eventPuts(TableName, events),
    ];
    try {
      await this.table.transact(items, 'ENDORSEMENT_CONFLICT', `Endorsement ${endorsement.id}`);
    } catch (error) {
      const reasons = error instanceof ConflictError ? cancellationReasons(error.cause) : [];
      if (reasons[1] === 'ConditionalCheckFailed') {
        throw new ConflictError(
          'ENDORSEMENT_DUPLICATE',
          'An endorsement with this credential id was already submitted; sign a new credential (with a new id) instead.',
          { cause: error },
        );
      }
      if (reasons[2] === 'ConditionalCheckFailed') {
        throw new ConflictError(
          'ENDORSEMENT_EXISTS',
          'The partner already has an active endorsement of this; withdraw it before endorsing again.',
          { cause: error },
        );
      }
      throw error;
    }
  }

  async get(id: string): Promise<Endorsement | null> {
    return this.table.get(endorsementKey(id), storedEndorsementSchema);
  }

  async activeBy(partnerId: string, target: Endorsement['target']): Promise<Endorsement | null> {
    const held = await this.table.get(
      keys.activeEndorsement(partnerId, target.kind, target.id),
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
      keys.endorsementCredential(credentialId),
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
        { Put: versionedPut(TableName, this.item(endorsement), expectedVersion) },
        // A withdrawn endorsement frees the partner to endorse the target again.
        ...(endorsement.status === 'ACTIVE'
          ? []
          : [
              {
                Delete: {
                  TableName,
                  Key: activeEndorsementKey(endorsement),
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
      index: 'gsi1',
      partitionValue: `ENDORSED#${kind}#${targetId}`,
      page: { limit: 100 },
      schema: storedEndorsementSchema,
    });
    return [...page.items];
  }

  async listByPartner(partnerId: string, page: PageRequest): Promise<Page<Endorsement>> {
    return this.table.queryPage({
      index: 'gsi2',
      partitionValue: `PARTNER#${partnerId}#ENDORSEMENTS`,
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
      endorsementVersionKey(endorsementId, designVersion),
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
        ...endorsementVersionKey(endorsementId, designVersion),
        entity: 'EndorsementVersionCredential',
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

function invitationItem(invitation: Invitation) {
  return {
    ...invitationKey(invitation.id),
    gsi1pk: `PARTNER#${invitation.partnerId}#INVITATIONS#${invitation.status}`,
    gsi1sk: `${invitation.createdAt}#${invitation.id}`,
    gsi2pk: `MICROCREDENTIAL#${invitation.microCredentialId}#INVITATIONS`,
    gsi2sk: `${invitation.createdAt}#${invitation.id}`,
    entity: 'EndorsementInvitation',
    ...invitation,
  };
}

const pendingInvitationKey = (invitation: Invitation) =>
  keys.pendingInvitation(invitation.partnerId, invitation.microCredentialId);
const pendingInvitationSchema = z.object({ invitationId: z.string() });

/**
 * The writes of an invitation's new version: once it is no longer pending, the partner's
 * pending-invitation item for the design is released with it.
 */
function invitationWrites(
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
              Key: pendingInvitationKey(next),
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
              ...pendingInvitationKey(invitation),
              entity: 'PendingInvitation',
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
    return this.table.get(invitationKey(id), invitationSchema, true);
  }

  async pendingFor(partnerId: string, microCredentialId: string): Promise<Invitation | null> {
    const held = await this.table.get(
      keys.pendingInvitation(partnerId, microCredentialId),
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
          index: 'gsi1',
          partitionValue: `PARTNER#${partnerId}#INVITATIONS#${candidate}`,
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
      index: 'gsi2',
      partitionValue: `MICROCREDENTIAL#${microCredentialId}#INVITATIONS`,
      newestFirst: true,
      page: { limit: 100 },
      schema: invitationSchema,
    });
    return [...page.items];
  }
}
