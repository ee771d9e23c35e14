import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../functions/adapters/dynamodb/cursor';
import { keys } from '../../functions/adapters/dynamodb/keys';
import { ValidationError } from '../../functions/core/shared/errors';

describe('key builders', () => {
  it("keeps every version of a design in the design's partition, sorted by number", () => {
    const design = keys.design('d1');
    const v2 = keys.designVersion('d1', 2);
    const v10 = keys.designVersion('d1', 10);

    expect(v2.pk).toBe(design.pk);
    expect(v2.sk < v10.sk).toBe(true);
  });

  it('lists designs by institution and by status when building index keys', () => {
    const listing = keys.designListing({
      institutionId: 'i1',
      status: 'DRAFT',
      createdAt: '2026-01-01T00:00:00.000Z',
      id: 'd1',
    });

    expect(listing).toEqual({
      gsi1pk: 'INSTITUTION#i1#DESIGNS',
      gsi1sk: '2026-01-01T00:00:00.000Z#d1',
      gsi2pk: 'INSTITUTION#i1#DESIGNS#DRAFT',
      gsi2sk: '2026-01-01T00:00:00.000Z#d1',
    });
  });

  it("keeps a learner's stacking holdings in one item of its own, outside every index", () => {
    const holdings = keys.stackingHoldings('h1');

    expect(holdings).toEqual({ pk: 'STACKING_HOLDER#h1', sk: 'HOLDINGS' });
    expect(keys.stackingHoldings('h2').pk).not.toBe(holdings.pk);
  });

  it("keeps each transcript in its own item, and a learner's latest pointer apart from it", () => {
    const transcript = keys.transcript('t1');
    const latest = keys.latestTranscript('h1');

    expect(transcript).toEqual({ pk: 'TRANSCRIPT#t1', sk: 'TRANSCRIPT' });
    expect(latest).toEqual({ pk: 'TRANSCRIPTS_OF#h1', sk: 'LATEST' });
    expect(keys.latestTranscript('h2').pk).not.toBe(latest.pk);
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
    const key = keys.endorsementCredential(`urn:uuid:${'x'.repeat(3_000)}`);

    expect(key.pk).toMatch(/^ENDORSEMENT_CREDENTIAL#[0-9a-f]{64}$/);
    expect(keys.endorsementCredential('urn:uuid:a')).toEqual(
      keys.endorsementCredential('urn:uuid:a'),
    );
  });
});
