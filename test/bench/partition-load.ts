import {
  BatchGetItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { tableDesign } from '../../functions/adapters/dynamodb/table-design';

/**
 * Issue 24: no hot partition at 1,000 credentials/s for one institution and one design. While a
 * bulk job runs, every write the platform sends to DynamoDB is recorded (through a middleware
 * on the shared client, nothing changed in production code); afterwards each written item's
 * size and index keys are known (from the Put itself, or read back for an Update), and the
 * write units each partition key of the table and of every index took are summed, as DynamoDB
 * bills them: ceil(size / 1 KB) a write, twice that in a transaction, and one index write of
 * the projected item (projection ALL: the whole item) for each index whose keys it sets.
 * Scaled to `rate` credentials/s, the busiest partition of each must stay within the 1,000 WCU/s
 * a partition takes.
 */

type Item = Record<string, AttributeValue>;

interface RecordedWrite {
  readonly kind: 'put' | 'update' | 'delete' | 'check';
  readonly transactional: boolean;
  readonly key: Item;
  readonly item?: Item;
}

/** What the writes of a run cost per partition key, per credential. */
export interface PartitionLoad {
  /** `table` or the index name. */
  readonly target: string;
  /** The busiest partition key, with its value's variable part shown as written. */
  readonly busiestKey: string;
  /** Write units on it per credential issued. */
  readonly wcuPerCredential: number;
  /** Write units per second on it at `rate` credentials/s. */
  readonly projectedWcuPerSecond: number;
  readonly writes: number;
  /** Write units on every partition of it together, per credential issued. */
  readonly totalWcuPerCredential: number;
}

/** Records the writes sent through `client` until the returned function is called. */
export function recordWrites(client: DynamoDBClient) {
  const writes: RecordedWrite[] = [];
  const name = `partition-load-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => (args) => {
      collect(context.commandName ?? '', args.input as Record<string, unknown>, writes);
      return next(args);
    },
    { step: 'build', name },
  );
  return {
    stop: () => client.middlewareStack.remove(name),
    writes,
  };
}

function collect(command: string, input: Record<string, unknown>, into: RecordedWrite[]) {
  const one = (kind: RecordedWrite['kind'], request: Record<string, unknown>, tx: boolean) => {
    const item = request.Item as Item | undefined;
    const key = (request.Key as Item | undefined) ?? keyOf(item ?? {});
    into.push({ kind, transactional: tx, key, ...(item ? { item } : {}) });
  };
  if (command === 'PutItemCommand') one('put', input, false);
  else if (command === 'UpdateItemCommand') one('update', input, false);
  else if (command === 'DeleteItemCommand') one('delete', input, false);
  else if (command === 'TransactWriteItemsCommand') {
    for (const entry of (input.TransactItems ?? []) as Record<string, Record<string, unknown>>[]) {
      if (entry.Put) one('put', entry.Put, true);
      if (entry.Update) one('update', entry.Update, true);
      if (entry.Delete) one('delete', entry.Delete, true);
      if (entry.ConditionCheck) one('check', entry.ConditionCheck, true);
    }
  } else if (command === 'BatchWriteItemCommand') {
    for (const requests of Object.values(
      (input.RequestItems ?? {}) as Record<string, Record<string, Record<string, unknown>>[]>,
    )) {
      for (const request of requests) {
        if (request.PutRequest) one('put', request.PutRequest, false);
        if (request.DeleteRequest) one('delete', request.DeleteRequest, false);
      }
    }
  }
}

const keyOf = (item: Item): Item => ({
  [tableDesign.partitionKey]: item[tableDesign.partitionKey]!,
  [tableDesign.sortKey]: item[tableDesign.sortKey]!,
});
const keyText = (key: Item) =>
  `${key[tableDesign.partitionKey]?.S ?? ''}\u0000${key[tableDesign.sortKey]?.S ?? ''}`;

/** DynamoDB's item size: attribute names plus values, in UTF-8 bytes (numbers roughly). */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item))
    size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.M !== undefined) return 3 + itemSize(value.M);
  if (value.L !== undefined)
    return 3 + value.L.reduce((sum, entry) => sum + valueSize(entry) + 1, 0);
  if (value.SS) return value.SS.reduce((sum, entry) => sum + Buffer.byteLength(entry), 0);
  return 1;
}

/** The items updated (or checked) in the run, as they are now, by their key. */
async function readBack(client: DynamoDBClient, tableName: string, writes: RecordedWrite[]) {
  const wanted = new Map<string, Item>();
  for (const write of writes) if (!write.item) wanted.set(keyText(write.key), write.key);
  const found = new Map<string, Item>();
  let keys = [...wanted.values()];
  while (keys.length > 0) {
    const batch = keys.slice(0, 100);
    keys = keys.slice(100);
    const { Responses, UnprocessedKeys } = await client.send(
      new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: batch } } }),
    );
    for (const item of Responses?.[tableName] ?? []) found.set(keyText(keyOf(item)), item);
    keys.push(...((UnprocessedKeys?.[tableName]?.Keys ?? []) as Item[]));
  }
  return found;
}

/**
 * The busiest partition of the table and of each index for the recorded writes, scaled to
 * `rate` credentials/s from `credentials` issued during the run.
 */
export async function partitionLoads(
  client: DynamoDBClient,
  tableName: string,
  writes: RecordedWrite[],
  credentials: number,
  rate: number,
): Promise<PartitionLoad[]> {
  const current = await readBack(client, tableName, writes);
  const targets = ['table', ...tableDesign.globalSecondaryIndexes.map((index) => index.indexName)];
  const units = new Map(
    targets.map((target) => [target, new Map<string, { wcu: number; writes: number }>()]),
  );
  const add = (target: string, partition: string, wcu: number) => {
    const byKey = units.get(target)!;
    const entry = byKey.get(partition) ?? { wcu: 0, writes: 0 };
    entry.wcu += wcu;
    entry.writes += 1;
    byKey.set(partition, entry);
  };
  for (const write of writes) {
    // An item deleted since (or deleted here) counts as 1 KB.
    const item = write.item ?? current.get(keyText(write.key)) ?? write.key;
    const kb = Math.max(1, Math.ceil(itemSize(item) / 1024));
    add('table', write.key[tableDesign.partitionKey]?.S ?? '?', kb * (write.transactional ? 2 : 1));
    if (write.kind === 'check') continue;
    for (const index of tableDesign.globalSecondaryIndexes) {
      const partition = item[index.partitionKey]?.S;
      if (partition !== undefined) add(index.indexName, partition, kb);
    }
  }
  return targets.map((target) => {
    let busiest = { key: '(none)', wcu: 0, writes: 0 };
    let total = 0;
    for (const [key, entry] of units.get(target)!) {
      total += entry.wcu;
      if (entry.wcu > busiest.wcu) busiest = { key, ...entry };
    }
    const wcuPerCredential = busiest.wcu / Math.max(1, credentials);
    return {
      target,
      busiestKey: busiest.key,
      wcuPerCredential,
      projectedWcuPerSecond: wcuPerCredential * rate,
      writes: busiest.writes,
      totalWcuPerCredential: total / Math.max(1, credentials),
    };
  });
}
