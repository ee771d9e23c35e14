import { randomUUID } from 'node:crypto';
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
