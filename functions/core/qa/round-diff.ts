import { contentDigest } from '../shared/digest';
import type { FieldChange, ReviewRound, RoundDiff } from './governance-model';

/** Objects are compared key by key to this depth; below it (and for lists) values compare whole. */
const maxDepth = 4;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return contentDigest(a) === contentDigest(b);
}

function collect(
  before: unknown,
  after: unknown,
  path: string,
  depth: number,
  changes: FieldChange[],
): void {
  if (same(before, after)) return;
  if (depth < maxDepth && isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      collect(before[key], after[key], path ? `${path}.${key}` : key, depth + 1, changes);
    }
    return;
  }
  changes.push({ path, before: before ?? null, after: after ?? null });
}

/**
 * What changed from one submitted round to another: the design content and the required-field
 * values, field by field (dotted paths; lists are compared whole).
 */
export function diffRounds(from: ReviewRound, to: ReviewRound): RoundDiff {
  const changes: FieldChange[] = [];
  collect(from.content, to.content, '', 0, changes);
  collect(from.fields, to.fields, 'fields', 1, changes);
  return {
    reviewId: from.reviewId,
    fromRound: from.round,
    toRound: to.round,
    contentChanged: from.contentDigest !== to.contentDigest,
    changes,
  };
}
