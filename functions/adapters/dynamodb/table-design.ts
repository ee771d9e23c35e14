/**
 * The one description of Tessera's single DynamoDB table. The CDK stateful stack and the local
 * runner both build the table from this module, so the two can never drift apart.
 *
 * Conventions: every item has generic keys `pk`/`sk`, optional `gsi{1,2,3}pk`/`gsi{1,2,3}sk`
 * (sparse: an item appears in an index only when it sets that index's keys), an `entity` name and
 * an integer `version` used for optimistic concurrency. `expiresAt` (epoch seconds) is the TTL.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
  /** The worker needs both images to tell what changed (e.g. a credential becoming revoked). */
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof tableDesign.globalSecondaryIndexes)[number]['indexName'];
type IndexDesign = (typeof tableDesign.globalSecondaryIndexes)[number];

/** The key attributes of an index, or of the table itself when no index is named. */
export function indexAttributes(index?: IndexName): {
  partitionKey: IndexDesign['partitionKey'] | typeof tableDesign.partitionKey;
  sortKey: IndexDesign['sortKey'] | typeof tableDesign.sortKey;
} {
  if (!index) return { partitionKey: tableDesign.partitionKey, sortKey: tableDesign.sortKey };
  const design = tableDesign.globalSecondaryIndexes.find(
    (candidate) => candidate.indexName === index,
  );
  if (!design) throw new RangeError(`The table has no index ${index}`);
  return { partitionKey: design.partitionKey, sortKey: design.sortKey };
}

/** Every key attribute the table declares (all strings). */
export const keyAttributeNames: readonly string[] = [
  tableDesign.partitionKey,
  tableDesign.sortKey,
  ...tableDesign.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
];

/**
 * The CreateTable request for a table of this design, as plain data (no SDK import), used by
 * the local runner and the integration tests. Production tables come from CDK.
 */
export function createTableRequest(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: keyAttributeNames.map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDesign.streamViewType },
  };
}
