/** Drops keys whose value is `undefined`, so a partial update never erases a stored field. */
export function definedFields<T extends object>(value: T): Partial<T> {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries) as Partial<T>;
}
