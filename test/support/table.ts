import { randomUUID } from 'node:crypto';
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, localDynamoDbClient } from '../../infra/local/dynamodb';

/** A fresh table of the production design in the shared DynamoDB Local, for one test file. */
export async function createTestTable(prefix = 'test') {
  const endpoint = inject('dynamodbEndpoint');
  const client = localDynamoDbClient(endpoint);
  const tableName = `${prefix}-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { client, tableName, endpoint };
}

/** How many items the platform's table holds (a consistent count of a full scan). */
export async function countItems(t: {
  platform: {
    container: { clients: { dynamodb: DynamoDBClient } };
    config: { TABLE_NAME: string };
  };
}): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await t.platform.container.clients.dynamodb.send(
      new ScanCommand({
        TableName: t.platform.config.TABLE_NAME,
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
