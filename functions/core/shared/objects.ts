/** Drops keys whose value is `undefined`, so a partial update never erases a stored field. */
export function definedFields<T extends object>(value: T): Partial<T> {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries) as Partial<T>;
}

/** Deepest nesting of a JSON value (arrays and objects), stopping early past `limit`. */
export function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}
