import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableDesign } from '../../functions/adapters/dynamodb/table-design';
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
