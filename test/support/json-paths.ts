type Json = Record<string, unknown>;
type Path = (string | number)[];

/** Every path to a leaf of a JSON value (an empty array counts as a leaf). */
export function leaves(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.length
      ? value.flatMap((item, index) => leaves(item, [...prefix, index]))
      : [prefix];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...prefix, key]));
  return [prefix];
}

/** The value at `path` in `document`. */
export function valueAt(document: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    document,
  );
}

/** `document` with the value at `path` replaced (or removed, when `replacement` is undefined). */
export function withLeaf(document: Json, path: Path, replacement: unknown): Json {
  const copy = structuredClone(document);
  if (path.length === 0) return copy;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}
