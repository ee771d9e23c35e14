import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  partitionOf,
  primaryKey,
  type EntityDescriptor,
} from '../../functions/adapters/dynamodb/entity';
import { storedEntities } from '../../functions/adapters/dynamodb/keys';
import { createDocumentClient, DynamoTable } from '../../functions/adapters/dynamodb/table';
import { indexAttributes, tableDesign } from '../../functions/adapters/dynamodb/table-design';
import { storedKeyExamples } from '../support/stored-keys';
import { createTestTable } from '../support/table';

describe('table design', () => {
  it('creates a table with streams and every declared index when run against DynamoDB Local', async () => {
    const { client, tableName } = await createTestTable();

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

    expect(Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: tableDesign.streamViewType,
    });
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
    ]);
  });
});

describe('entity descriptors on DynamoDB Local', () => {
  let table: DynamoTable;
  const entityOf = new Map<string, EntityDescriptor>(
    storedEntities.map((descriptor) => [descriptor.name, descriptor]),
  );
  const exampleSchema = z.object({ example: z.number() });

  beforeAll(async () => {
    const { client, tableName } = await createTestTable('descriptors');
    table = new DynamoTable(createDocumentClient(client), tableName);
  });

  it.each(storedKeyExamples.map((example, index) => ({ ...example, index })))(
    'finds an item stored with the keys of $stored.entity $stored.pk $stored.sk through its descriptor',
    async ({ item, stored, index }) => {
      const descriptor = entityOf.get(stored.entity)!;
      const keys: Record<string, string | undefined> = stored;
      // Prepare: the item as stored before the descriptors, marked with its example's number.
      await table.documents.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...stored, version: 1, example: index },
        }),
      );

      // Act: read it by its primary key, its partition and every index that lists it.
      const byKey = await table.get(primaryKey(descriptor.primary, item as never), exampleSchema);
      const inPartition = await table.queryAll({
        ...partitionOf(descriptor.primary, item as never),
        schema: exampleSchema,
        consistent: true,
      });
      const listed = await Promise.all(
        Object.values(descriptor.indexes)
          .filter((template) => keys[indexAttributes(template.index).partitionKey] !== undefined)
          .map((template) =>
            table.queryAll({ ...partitionOf(template, item as never), schema: exampleSchema }),
          ),
      );

      // Assess
      expect(byKey).toEqual({ example: index });
      expect(inPartition).toContainEqual({ example: index });
      for (const items of listed) expect(items).toContainEqual({ example: index });
    },
  );
});
