import * as z from 'zod';
import { ValidationError } from '../../core/shared/errors';

const keySchema = z.record(z.string().max(1_024), z.string().max(1_024));

/** Encodes DynamoDB's LastEvaluatedKey as an opaque cursor for clients. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  if (!key) return null;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a client's cursor back into an ExclusiveStartKey, refusing anything that is not a
 * key of the same query (a cursor from another list, or one edited by hand).
 */
export function decodeCursor(
  cursor: string | null | undefined,
  expected: { partitionAttribute: string; partitionValue: string; attributes: readonly string[] },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const invalid = new ValidationError(
    'The cursor is not valid for this list.',
    [{ path: 'args.after', message: 'is not a cursor of this list' }],
    'INVALID_CURSOR',
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const result = keySchema.safeParse(parsed);
  if (!result.success) throw invalid;
  const key = result.data;
  const names = Object.keys(key).sort();
  const allowed = [...expected.attributes].sort();
  if (names.length !== allowed.length || names.some((name, index) => name !== allowed[index])) {
    throw invalid;
  }
  if (key[expected.partitionAttribute] !== expected.partitionValue) throw invalid;
  return key;
}
