import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../functions/adapters/dynamodb/cursor';
import {
  partitionOf,
  primaryKey,
  storedKeys,
  type EntityDescriptor,
} from '../../functions/adapters/dynamodb/entity';
import {
  designEntity,
  designVersionEntity,
  endorsementCredentialEntity,
  latestTranscriptEntity,
  stackingHoldingsEntity,
  storedEntities,
  transcriptEntity,
} from '../../functions/adapters/dynamodb/keys';
import { indexAttributes, tableDesign } from '../../functions/adapters/dynamodb/table-design';
import { ValidationError } from '../../functions/core/shared/errors';
import { storedKeyExamples } from '../support/stored-keys';

describe('key builders', () => {
  it("keeps every version of a design in the design's partition, sorted by number", () => {
    const design = primaryKey(designEntity.primary, { id: 'd1' });
    const v2 = primaryKey(designVersionEntity.primary, {
      microCredentialId: 'd1',
      designVersion: 2,
    });
    const v10 = primaryKey(designVersionEntity.primary, {
      microCredentialId: 'd1',
      designVersion: 10,
    });

    expect(v2.pk).toBe(design.pk);
    expect(v2.sk < v10.sk).toBe(true);
  });

  it('lists designs by institution and by status when building index keys', () => {
    const { pk, sk, entity, ...listing } = storedKeys(designEntity, {
      institutionId: 'i1',
      status: 'DRAFT',
      createdAt: '2026-01-01T00:00:00.000Z',
      id: 'd1',
    });

    expect({ pk, sk, entity }).toEqual({
      pk: 'MICROCREDENTIAL#d1',
      sk: 'DESIGN',
      entity: 'MicroCredential',
    });
    expect(listing).toEqual({
      gsi1pk: 'INSTITUTION#i1#DESIGNS',
      gsi1sk: '2026-01-01T00:00:00.000Z#d1',
      gsi2pk: 'INSTITUTION#i1#DESIGNS#DRAFT',
      gsi2sk: '2026-01-01T00:00:00.000Z#d1',
    });
  });

  it("keeps a learner's stacking holdings in one item of its own, outside every index", () => {
    const holdings = storedKeys(stackingHoldingsEntity, { learnerEmailHash: 'h1' });

    expect(holdings).toEqual({
      pk: 'STACKING_HOLDER#h1',
      sk: 'HOLDINGS',
      entity: 'StackingHoldings',
    });
    expect(primaryKey(stackingHoldingsEntity.primary, { learnerEmailHash: 'h2' }).pk).not.toBe(
      holdings.pk,
    );
  });

  it("keeps each transcript in its own item, and a learner's latest pointer apart from it", () => {
    const transcript = primaryKey(transcriptEntity.primary, { id: 't1' });
    const latest = primaryKey(latestTranscriptEntity.primary, { learnerEmailHash: 'h1' });

    expect(transcript).toEqual({ pk: 'TRANSCRIPT#t1', sk: 'TRANSCRIPT' });
    expect(latest).toEqual({ pk: 'TRANSCRIPTS_OF#h1', sk: 'LATEST' });
    expect(primaryKey(latestTranscriptEntity.primary, { learnerEmailHash: 'h2' }).pk).not.toBe(
      latest.pk,
    );
  });
});

describe('cursors', () => {
  const expected = {
    partitionAttribute: 'gsi1pk',
    partitionValue: 'P',
    attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  };

  it('round-trips a key when the cursor belongs to the same list', () => {
    const key = { pk: 'a', sk: 'b', gsi1pk: 'P', gsi1sk: 'c' };

    expect(decodeCursor(encodeCursor(key), expected)).toEqual(key);
  });

  it('refuses a cursor when it names another partition, extra attributes or is garbage', () => {
    const otherPartition = encodeCursor({ pk: 'a', sk: 'b', gsi1pk: 'Q', gsi1sk: 'c' });
    const extra = encodeCursor({ pk: 'a', sk: 'b', gsi1pk: 'P', gsi1sk: 'c', x: 'y' });

    for (const cursor of [
      otherPartition,
      extra,
      'not base64 json',
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(cursor, expected)).toThrow(ValidationError);
    }
  });
});

describe('keys of values of any length', () => {
  it('hashes an endorsement credential id so any IRI fits a partition key', () => {
    const key = (credentialId: string) =>
      primaryKey(endorsementCredentialEntity.primary, { credentialId });

    expect(key(`urn:uuid:${'x'.repeat(3_000)}`).pk).toMatch(
      /^ENDORSEMENT_CREDENTIAL#[0-9a-f]{64}$/,
    );
    expect(key('urn:uuid:a')).toEqual(key('urn:uuid:a'));
  });
});

const indexNames: readonly string[] = tableDesign.globalSecondaryIndexes.map(
  (index) => index.indexName,
);
const entityOf = new Map(storedEntities.map((descriptor) => [descriptor.name, descriptor]));

describe('entity descriptors', () => {
  it('gives every stored entity a name of its own and an example of its stored keys', () => {
    const names = storedEntities.map((descriptor) => descriptor.name);
    const exemplified = new Set(storedKeyExamples.map((example) => example.stored.entity));

    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => !exemplified.has(name))).toEqual([]);
    expect([...exemplified].filter((name) => !entityOf.has(name))).toEqual([]);
  });

  it('keeps every index of every entity in an index the table declares', () => {
    const undeclared = storedEntities.flatMap((descriptor) =>
      Object.entries(descriptor.indexes)
        .filter(([, template]) => !indexNames.includes(template.index))
        .map(([name]) => `${descriptor.name}.${name}`),
    );

    expect(undeclared).toEqual([]);
  });

  it.each(storedKeyExamples)(
    'writes the keys already stored when keying $stored.entity $stored.pk $stored.sk',
    ({ item, stored }) => {
      const descriptor = entityOf.get(stored.entity)!;

      expect(storedKeys(descriptor, item as never)).toEqual(stored);
    },
  );

  it.each(storedKeyExamples)(
    'finds the stored item again when querying $stored.entity by each of its keys',
    ({ item, stored }) => {
      const descriptor: EntityDescriptor = entityOf.get(stored.entity)!;
      const keys: Record<string, string | undefined> = stored;

      expect(primaryKey(descriptor.primary, item as never)).toEqual({
        pk: stored.pk,
        sk: stored.sk,
      });
      expect(partitionOf(descriptor.primary, item as never).partitionValue).toBe(stored.pk);
      expect(stored.sk.startsWith(descriptor.primary.skPrefix ?? '')).toBe(true);
      for (const template of Object.values(descriptor.indexes)) {
        const { partitionKey, sortKey } = indexAttributes(template.index);
        if (keys[partitionKey] === undefined) continue;
        expect(partitionOf(template, item as never)).toEqual({
          index: template.index,
          partitionValue: keys[partitionKey],
        });
        expect(keys[sortKey]).toBe(template.sk(item as never));
      }
    },
  );

  it('gives no two entities the same primary key', () => {
    const owners = new Map<string, string>();
    const shared = storedKeyExamples.flatMap(({ stored }) => {
      const key = `${stored.pk} ${stored.sk}`;
      const owner = owners.get(key);
      owners.set(key, stored.entity);
      return owner && owner !== stored.entity ? [`${owner} and ${stored.entity}: ${key}`] : [];
    });

    expect(shared).toEqual([]);
  });

  it('reads only its own items when querying a partition that other entities share', () => {
    const collisions = storedKeyExamples.flatMap(({ stored }) =>
      storedKeyExamples
        .filter(({ stored: other }) => other.entity !== stored.entity && other.pk === stored.pk)
        .flatMap(({ stored: other }) => {
          const descriptor = entityOf.get(stored.entity)!;
          // In a shared partition an entity is either read by its whole key (a fixed sort key)
          // or queried by a sort key prefix that no other entity's sort keys start with.
          const prefix = descriptor.primary.skPrefix;
          if (prefix === undefined && descriptor.primary.sk.length === 0) return [];
          return prefix !== undefined && !other.sk.startsWith(prefix)
            ? []
            : [`${stored.entity} (${prefix ?? 'no prefix'}) reads ${other.entity} ${other.sk}`];
        }),
    );

    expect(collisions).toEqual([]);
  });

  it('gives no two entities the same partition of an index', () => {
    const owners = new Map<string, string>();
    const shared = storedKeyExamples.flatMap(({ stored }) => {
      const keys: Record<string, string | undefined> = stored;
      return indexNames.flatMap((index) => {
        const value = keys[indexAttributes(index as never).partitionKey];
        if (value === undefined) return [];
        const owner = owners.get(`${index} ${value}`);
        owners.set(`${index} ${value}`, stored.entity);
        return owner && owner !== stored.entity ? [`${owner} and ${stored.entity}: ${value}`] : [];
      });
    });

    expect(shared).toEqual([]);
  });
});
