import { describe, expect, it } from 'vitest';
import { stackPartEntity } from '../../functions/adapters/dynamodb/keys';
import {
  evaluateRule,
  progressSummary,
  type Holding,
  type Stack,
} from '../../functions/core/stacking/model';

const stackOf = (rule: Stack['rule'], parts: string[], required = parts.length): Stack => ({
  id: 's1',
  institutionId: 'i1',
  name: 'Leadership',
  microCredentialId: 'target',
  rule,
  required,
  parts: parts.map((id) => ({ kind: 'DESIGN', microCredentialId: id, name: id.toUpperCase() })),
  onPartRevoked: 'FLAG',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'admin',
  version: 1,
});

const holding = (partKey: string, earnedAt = '2026-02-01T00:00:00.000Z'): Holding => ({
  partKey,
  credentialId: `${partKey}-${earnedAt}`,
  credentialUrl: `https://tessera.example/credentials/${partKey}`,
  achievementUrl: `https://tessera.example/achievements/${partKey}/v1`,
  name: partKey,
  earnedAt,
  origin: 'ISSUED',
  public: true,
});

describe('stack rules', () => {
  it('needs every part for ALL', () => {
    const stack = stackOf('ALL', ['a', 'b', 'c']);

    expect(evaluateRule(stack, [holding('a'), holding('c')]).satisfied).toBe(false);
    expect(evaluateRule(stack, [holding('a'), holding('b'), holding('c')]).satisfied).toBe(true);
  });

  it('needs any N parts for N_OF_M', () => {
    const stack = stackOf('N_OF_M', ['a', 'b', 'c'], 2);
    const one = evaluateRule(stack, [holding('b')]);
    const two = evaluateRule(stack, [holding('c'), holding('a')]);

    expect(one).toMatchObject({ satisfied: false, needed: 2 });
    expect(two).toMatchObject({ satisfied: true, needed: 2 });
  });

  it('counts chain levels only on top of every level below when a level is missing', () => {
    const stack = stackOf('CHAIN', ['l1', 'l2', 'l3']);
    const gap = evaluateRule(stack, [holding('l1'), holding('l3')]);

    expect(gap.held.map((entry) => entry.holding.partKey)).toEqual(['l1']);
    expect(gap.remaining.map((part) => part.name)).toEqual(['L2', 'L3']);
    expect(progressSummary({ stack, ...gap })).toBe('1 of 3 toward Leadership');
    expect(evaluateRule(stack, [holding('l3'), holding('l2'), holding('l1')]).satisfied).toBe(true);
  });

  it('counts the earliest credential when a part is held twice', () => {
    const stack = stackOf('ALL', ['a', 'b']);
    const result = evaluateRule(stack, [
      holding('a', '2026-03-01T00:00:00.000Z'),
      holding('a', '2026-01-15T00:00:00.000Z'),
      holding('b'),
    ]);

    expect(result.held[0]!.holding.earnedAt).toBe('2026-01-15T00:00:00.000Z');
  });

  it('keys external parts by a hash so long achievement URLs fit a partition key', () => {
    const url = `https://elsewhere.example.edu/${'a'.repeat(2_000)}`;

    expect(stackPartEntity.primary.pk({ partKey: 'design-1' })).toBe('STACKPART#design-1');
    expect(stackPartEntity.primary.pk({ partKey: url })).toMatch(/^STACKPART#URL#[0-9a-f]{64}$/);
  });
});
