import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import {
  accessGrantSchema,
  walletCopySchema,
  walletExchangeSchema,
  walletOfferSchema,
  type AccessGrant,
  type WalletCopy,
  type WalletExchange,
  type WalletOffer,
} from '../../core/wallets/model';
import type { WalletStore } from '../../core/wallets/ports';
import { isConditionFailure, translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import { partitionOf, primaryKey, storedKeys } from './entity';
import {
  walletAccessGrantEntity,
  walletCopyEntity,
  walletExchangeEntity,
  walletNonceEntity,
  walletOfferEntity,
} from './keys';
import type { DynamoTable } from './table';

/** A copy's credential is kept as JSON text, exactly as signed (like imported credentials). */
const storedCopySchema = walletCopySchema.extend({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});

const usedCode = 'WALLET_SECRET_USED';

/** True when the transaction wrote; false when its condition found the secret already used. */
async function spent(write: Promise<void>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConflictError && error.code === usedCode) return false;
    throw error;
  }
}

/**
 * Wallet issuance state in the single table. Every secret is keyed by its SHA-256, and every
 * short-lived item carries `expiresAt` (the table's TTL attribute) so DynamoDB deletes it; TTL
 * deletion lags, so each read also compares the expiry itself.
 */
export class DynamoDbWalletStore implements WalletStore {
  constructor(private readonly table: DynamoTable) {}

  async putOffer(offer: WalletOffer): Promise<void> {
    await this.table.putNew({
      ...storedKeys(walletOfferEntity, offer),
      ...offer,
      expiresAt: offer.expiresAtEpoch,
    });
  }

  getOffer(codeHash: string): Promise<WalletOffer | null> {
    return this.table.get(
      primaryKey(walletOfferEntity.primary, { codeHash }),
      walletOfferSchema,
      true,
    );
  }

  async redeemOffer(offer: WalletOffer, grant: AccessGrant, nowEpoch: number): Promise<boolean> {
    const TableName = this.table.tableName;
    return spent(
      this.table.transact(
        [
          {
            // The condition that makes a code single-use: only one redemption finds it OPEN.
            Update: {
              TableName,
              Key: primaryKey(walletOfferEntity.primary, offer),
              UpdateExpression: 'SET #status = :redeemed, #version = #version + :one',
              ConditionExpression: '#status = :open AND #expires > :now',
              ExpressionAttributeNames: {
                '#status': 'status',
                '#version': 'version',
                '#expires': 'expiresAtEpoch',
              },
              ExpressionAttributeValues: {
                ':redeemed': 'REDEEMED',
                ':open': 'OPEN',
                ':now': nowEpoch,
                ':one': 1,
              },
            },
          },
          {
            Put: {
              TableName,
              Item: {
                ...storedKeys(walletAccessGrantEntity, grant),
                ...grant,
                expiresAt: grant.expiresAtEpoch,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
        usedCode,
        'wallet offer',
      ),
    );
  }

  async recordWrongTxCode(offer: WalletOffer, maxAttempts: number): Promise<boolean> {
    try {
      const result = await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: primaryKey(walletOfferEntity.primary, offer),
          UpdateExpression: 'ADD #failed :one',
          ConditionExpression: '#status = :open AND #failed < :max',
          ExpressionAttributeNames: { '#failed': 'failedTxCodes', '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':open': 'OPEN', ':max': maxAttempts },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.failedTxCodes ?? maxAttempts) < maxAttempts;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return translateDynamoError(error, 'wallet offer');
    }
  }

  getGrant(tokenHash: string): Promise<AccessGrant | null> {
    return this.table.get(
      primaryKey(walletAccessGrantEntity.primary, { tokenHash }),
      accessGrantSchema,
      true,
    );
  }

  async putNonce(nonceHash: string, expiresAtEpoch: number): Promise<void> {
    await this.table.putNew({
      ...storedKeys(walletNonceEntity, { nonceHash }),
      version: 1,
      expiresAtEpoch,
      expiresAt: expiresAtEpoch,
    });
  }

  async consumeNonce(nonceHash: string, nowEpoch: number): Promise<boolean> {
    try {
      // Deleting under a condition is the single use: a second request finds nothing to delete.
      await this.table.documents.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: primaryKey(walletNonceEntity.primary, { nonceHash }),
          ConditionExpression: 'attribute_exists(pk) AND #expires > :now',
          ExpressionAttributeNames: { '#expires': 'expiresAtEpoch' },
          ExpressionAttributeValues: { ':now': nowEpoch },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return translateDynamoError(error, 'wallet nonce');
    }
  }

  async putCopy(
    copy: WalletCopy,
    spend: Parameters<WalletStore['putCopy']>[1],
    events: readonly DomainEvent[],
  ): Promise<boolean> {
    const TableName = this.table.tableName;
    const spentKey =
      spend.kind === 'grant'
        ? primaryKey(walletAccessGrantEntity.primary, { tokenHash: spend.tokenHash })
        : primaryKey(walletExchangeEntity.primary, { id: spend.id });
    return spent(
      this.table.transact(
        [
          {
            Update: {
              TableName,
              Key: spentKey,
              UpdateExpression: 'SET #status = :done, #version = #version + :one',
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: {
                ':done': spend.kind === 'grant' ? 'USED' : 'COMPLETE',
                ':open': 'OPEN',
                ':one': 1,
              },
            },
          },
          {
            Put: {
              TableName,
              Item: {
                ...storedKeys(walletCopyEntity, copy),
                ...copy,
                credential: JSON.stringify(copy.credential),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...eventPuts(TableName, events),
        ],
        usedCode,
        'wallet access',
      ),
    );
  }

  getCopy(id: string): Promise<WalletCopy | null> {
    return this.table.get(primaryKey(walletCopyEntity.primary, { id }), storedCopySchema);
  }

  listCopies(credentialId: string): Promise<WalletCopy[]> {
    return this.table.queryAll({
      ...partitionOf(walletCopyEntity.indexes.byCredential, { credentialId }),
      schema: storedCopySchema,
    });
  }

  async putExchange(exchange: WalletExchange): Promise<void> {
    await this.table.putNew({
      ...storedKeys(walletExchangeEntity, exchange),
      ...exchange,
      expiresAt: exchange.expiresAtEpoch,
    });
  }

  getExchange(id: string): Promise<WalletExchange | null> {
    return this.table.get(
      primaryKey(walletExchangeEntity.primary, { id }),
      walletExchangeSchema,
      true,
    );
  }
}
