import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { localCredentials, localRegion } from './dynamodb';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPoller {
  /** Resolves once every record written so far has been handled (for tests and the demo). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

interface ShardState {
  iterator: string | null;
  /** Last sequence number handled successfully. */
  checkpoint?: string;
  attempts: number;
}

/**
 * The local stand-in for Lambda's DynamoDB Streams event source mapping: polls DynamoDB
 * Local's stream, hands batches to the worker handler in the same event shape Lambda uses, and
 * honours `batchItemFailures` by retrying from the first failed record (Lambda's
 * ReportBatchItemFailures behaviour). After `maxAttempts` a failing record is logged and
 * skipped, as Lambda would send it to the on-failure destination.
 */
export async function startStreamPoller(options: {
  dynamodb: DynamoDBClient;
  endpoint: string;
  /** The DynamoDB Streams client (tests pass one with faults); one for `endpoint` otherwise. */
  streams?: DynamoDBStreamsClient;
  tableName: string;
  handler: StreamHandler;
  /** Pause between polls while records keep coming. @default 100 */
  intervalMs?: number;
  /**
   * Longest pause between polls of a quiet stream: each idle poll doubles the pause up to it,
   * and a record or a failure brings it back to `intervalMs`; `drain()` polls at once. The
   * default is the rate at which Lambda polls a quiet shard, four times a second, so a
   * reaction comes no later than it would in AWS. @default 250
   */
  idleIntervalMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  log?: (message: string, details?: unknown) => void;
}): Promise<StreamPoller> {
  const { Table } = await options.dynamodb.send(
    new DescribeTableCommand({ TableName: options.tableName }),
  );
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  const streams =
    options.streams ??
    new DynamoDBStreamsClient({
      endpoint: options.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
  const shards = new Map<string, ShardState>();
  const intervalMs = options.intervalMs ?? 100;
  const idleIntervalMs = Math.max(options.idleIntervalMs ?? 250, intervalMs);
  const maxAttempts = options.maxAttempts ?? 5;
  const log = options.log ?? ((message, details) => console.error(message, details));
  let stopped = false;
  let idle = false;
  let idleWaiters: (() => void)[] = [];
  let pause = intervalMs;
  // Set by drain(): the pause in progress (or the next one) is cut short, and the poll lists
  // the shards afresh.
  let wake: (() => void) | undefined;
  let woken = false;
  /** Idle polls since the shards were last listed; a quiet stream is listed now and then. */
  let pollsSinceListing = Infinity;
  let closedWhenListed = 0;

  async function discoverShards() {
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      shards.set(shard.ShardId, { iterator: ShardIterator ?? null, attempts: 0 });
    }
  }

  async function rewind(shardId: string, state: ShardState) {
    const horizon = {
      StreamArn: streamArn,
      ShardId: shardId,
      ShardIteratorType: 'TRIM_HORIZON' as const,
    };
    let iterator: string | undefined;
    try {
      ({ ShardIterator: iterator } = await streams.send(
        new GetShardIteratorCommand(
          state.checkpoint
            ? {
                StreamArn: streamArn,
                ShardId: shardId,
                ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
                SequenceNumber: state.checkpoint,
              }
            : horizon,
        ),
      ));
    } catch (error) {
      if (errorName(error) !== 'TrimmedDataAccessException') throw error;
      // The checkpoint itself is gone: resume from the oldest record the shard still has.
      log(`stream shard ${shardId} trimmed past its checkpoint; resuming at the oldest record`);
      ({ ShardIterator: iterator } = await streams.send(new GetShardIteratorCommand(horizon)));
    }
    state.iterator = iterator ?? null;
  }

  /**
   * One page of a shard. An iterator DynamoDB Local no longer honours is replaced from the
   * checkpoint, as Lambda's event source mapping does: it answered TrimmedDataAccessException
   * for the iterators of busy streams when two test files ran at once, and iterators expire.
   */
  async function readShard(shardId: string, state: ShardState) {
    const read = () =>
      streams.send(
        new GetRecordsCommand({ ShardIterator: state.iterator!, Limit: options.batchSize ?? 100 }),
      );
    try {
      return await read();
    } catch (error) {
      const name = errorName(error);
      if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
      log(`stream shard ${shardId}: ${name}; resuming after the last record handled`);
      await rewind(shardId, state);
      return state.iterator ? read() : { Records: [], NextShardIterator: undefined };
    }
  }

  /**
   * Polls every shard once; returns how many records were handled. Listing the shards is a
   * call of its own, made when a shard has closed (its successor is new), for a drain, and
   * on every tenth poll.
   */
  async function pollOnce(listShards: boolean): Promise<number> {
    const closed = [...shards.values()].filter((state) => !state.iterator).length;
    if (listShards || closed > closedWhenListed || pollsSinceListing >= 10) {
      await discoverShards();
      pollsSinceListing = 0;
      closedWhenListed = closed;
    }
    pollsSinceListing += 1;
    let handled = 0;
    for (const [shardId, state] of shards) {
      if (!state.iterator) continue;
      const { Records = [], NextShardIterator } = await readShard(shardId, state);
      if (Records.length === 0) {
        state.iterator = NextShardIterator ?? null;
        continue;
      }
      const event: DynamoDBStreamEvent = {
        Records: Records.map((record) => toLambdaRecord(record, streamArn!)),
      };
      let failedFrom: string | undefined;
      try {
        const result = await options.handler(event);
        failedFrom = result?.batchItemFailures?.[0]?.itemIdentifier;
      } catch (error) {
        failedFrom = Records[0]?.dynamodb?.SequenceNumber;
        log('worker handler threw', error);
      }
      if (!failedFrom) {
        state.checkpoint = Records.at(-1)?.dynamodb?.SequenceNumber;
        state.iterator = NextShardIterator ?? null;
        state.attempts = 0;
        handled += Records.length;
        continue;
      }
      const failedIndex = Records.findIndex(
        (record) => record.dynamodb?.SequenceNumber === failedFrom,
      );
      const done = Records.slice(0, Math.max(failedIndex, 0));
      if (done.length > 0) state.checkpoint = done.at(-1)?.dynamodb?.SequenceNumber;
      handled += done.length;
      state.attempts += 1;
      if (state.attempts >= maxAttempts) {
        log(
          `stream record ${failedFrom} failed ${maxAttempts} times; skipping it`,
          Records[failedIndex]?.dynamodb?.Keys,
        );
        state.checkpoint = failedFrom;
        state.attempts = 0;
      }
      await rewind(shardId, state);
    }
    return handled;
  }

  /** Waits `ms`, or less if drain() asks for a poll meanwhile. */
  function sleep(ms: number): Promise<void> {
    if (woken) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (wake = undefined));
  }

  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      let failed = false;
      const listShards = woken;
      woken = false;
      try {
        handled = await pollOnce(listShards);
      } catch (error) {
        failed = true;
        if (!stopped) log('stream poll failed', error);
      }
      const anyRetrying = [...shards.values()].some((state) => state.attempts > 0);
      // A poll that failed saw nothing, which is not the same as there being nothing to see.
      idle = handled === 0 && !anyRetrying && !failed;
      if (idle) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
      }
      // A quiet stream is polled less and less often (each poll is work for DynamoDB Local
      // that it takes from the requests being served); a retry waits as Lambda's backs off.
      pause = idle ? Math.min(pause * 2, idleIntervalMs) : intervalMs;
      await sleep(anyRetrying ? intervalMs * 5 : pause);
    }
  })();

  return {
    async drain(timeoutMs = 30_000) {
      // Two consecutive idle polls after this call: whatever was written before it is handled,
      // including records written by the handler itself. Each round asks for its poll now
      // rather than after the pause of a quiet stream; a retry still waits its turn.
      for (let round = 0; round < 2; round += 1) {
        idle = false;
        const drained = new Promise<void>((resolve) => idleWaiters.push(resolve));
        if (![...shards.values()].some((state) => state.attempts > 0)) {
          woken = true;
          wake?.();
        }
        await Promise.race([
          drained,
          new Promise<void>((_, reject) =>
            setTimeout(() => reject(new Error(`stream not drained in ${timeoutMs} ms`)), timeoutMs),
          ),
        ]);
      }
    },
    async stop() {
      stopped = true;
      woken = true;
      wake?.();
      await loop;
      if (!options.streams) streams.destroy();
    },
  };
}

/** The SDK names each service exception; a name is also what a test injects. */
const errorName = (error: unknown) => (error as { name?: unknown } | null)?.name;

/** A stream record in the shape Lambda delivers it (the attribute-value JSON is identical). */
function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: localRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
        ? Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
        : undefined,
      Keys: record.dynamodb?.Keys as DynamoDBRecord['dynamodb'] extends infer D
        ? D extends { Keys?: infer K }
          ? K
          : never
        : never,
      NewImage: record.dynamodb?.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      OldImage: record.dynamodb?.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'],
      SequenceNumber: record.dynamodb?.SequenceNumber,
      SizeBytes: record.dynamodb?.SizeBytes,
      StreamViewType: record.dynamodb?.StreamViewType,
    },
  };
}
