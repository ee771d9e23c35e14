import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb';
import { startStreamPoller, type StreamPoller } from '../../infra/local/stream-poller';
import { failDynamoDb } from '../support/faults';
import { createTestTable } from '../support/table';

/**
 * The local stand-in for Lambda's stream event source mapping, against DynamoDB Local's real
 * stream, with faults injected into its Streams client.
 */
describe('the local stream poller', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let streams: DynamoDBStreamsClient;
  let poller: StreamPoller | undefined;
  let seen: Set<string>;
  let logged: string[];

  beforeEach(async () => {
    table = await createTestTable('poller');
    streams = new DynamoDBStreamsClient({
      endpoint: table.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    seen = new Set();
    logged = [];
  });
  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
    streams.destroy();
    table.client.destroy();
  });

  const start = async () => {
    poller = await startStreamPoller({
      dynamodb: table.client,
      endpoint: table.endpoint,
      tableName: table.tableName,
      streams,
      intervalMs: 20,
      handler: (event: DynamoDBStreamEvent) => {
        for (const record of event.Records) seen.add(record.dynamodb!.Keys!.pk!.S!);
        return Promise.resolve();
      },
      log: (message) => logged.push(message),
    });
    return poller;
  };
  const write = async (count: number, prefix: string) => {
    const keys = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
    for (const pk of keys)
      await table.client.send(
        new PutItemCommand({
          TableName: table.tableName,
          Item: { pk: { S: pk }, sk: { S: 'ITEM' } },
        }),
      );
    return keys;
  };

  it('hands every record written before a drain to the handler before the drain resolves', async () => {
    const running = await start();
    const keys = await write(20, 'plain');

    await running.drain();

    expect(keys.filter((key) => !seen.has(key))).toEqual([]);
  });

  it('does not report drained while its polls fail, and then handles what was written', async () => {
    const running = await start();
    await running.drain();
    failDynamoDb(streams, 'GetRecordsCommand', { times: 6 });
    const keys = await write(5, 'failing');

    await running.drain();

    expect(keys.filter((key) => !seen.has(key))).toEqual([]);
  });

  it('resumes after the last record handled when the shard iterator is no longer honoured', async () => {
    const running = await start();
    const before = await write(5, 'before');
    await running.drain();
    failDynamoDb(streams, 'GetRecordsCommand', { errorName: 'TrimmedDataAccessException' });
    const after = await write(5, 'after');

    await running.drain();

    expect([...before, ...after].filter((key) => !seen.has(key))).toEqual([]);
    expect(logged.some((message) => message.includes('TrimmedDataAccessException'))).toBe(true);
    expect(logged.filter((message) => message === 'stream poll failed')).toEqual([]);
  });
});
