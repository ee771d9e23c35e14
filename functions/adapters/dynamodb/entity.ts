/**
 * Entity descriptors, in the manner of ElectroDB: one declaration per stored entity names it and
 * spells its primary key and each index's keys (with the index they live in) from the entity's
 * attributes. Repositories build keys and choose indexes only through a descriptor, so the
 * stored formats are written down once, next to the table shape in `table-design.ts`.
 */
import { createHash } from 'node:crypto';
import type { IndexKeys, ItemKey } from './table';
import { indexAttributes, type IndexName } from './table-design';

/**
 * How one pair of keys is spelled. Each function declares the attributes it reads, so a query
 * needs only the attributes of the partition key it looks in.
 */
export interface KeyTemplate<P = never, S = never> {
  readonly pk: (parts: P) => string;
  readonly sk: (parts: S) => string;
  /**
   * What every sort key of this entity starts with, where its partition also holds other
   * entities: a query for `begins_with(sk, skPrefix)` reads this entity's items only.
   */
  readonly skPrefix?: string;
}

/** An index's keys of an entity. */
export interface IndexTemplate<P = never, S = never> extends KeyTemplate<P, S> {
  readonly index: IndexName;
  /** Sparse listing: an item sets this index's keys only while this holds. */
  readonly when?: (item: never) => boolean;
}

/** One stored entity: its `entity` attribute, its primary key and its index keys. */
export interface EntityDescriptor {
  readonly name: string;
  readonly primary: KeyTemplate;
  readonly indexes: Readonly<Record<string, IndexTemplate>>;
}

/** A sequence number as a key part that sorts as the number does (up to 999,999). */
export const padded = (n: number) => n.toString().padStart(6, '0');

/** A key part for values of any length and alphabet (URLs, IRIs): their SHA-256 in hex. */
export const hashed = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** Sort key of items listed newest-last by when they were issued, the id breaking ties. */
export const byIssue = ({ issuedAt, id }: { readonly issuedAt: string; readonly id: string }) =>
  `${issuedAt}#${id}`;

/** Sort key of items listed by when they were created, the id breaking ties. */
export const byCreation = ({
  createdAt,
  id,
}: {
  readonly createdAt: string;
  readonly id: string;
}) => `${createdAt}#${id}`;

type PartsOf<F> = F extends (parts: infer P) => unknown ? P : unknown;
type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (
  intersection: infer I,
) => void
  ? I
  : never;
type TemplateParts<T> = T extends {
  readonly pk: infer PK;
  readonly sk: infer SK;
}
  ? PartsOf<PK> & PartsOf<SK> & (T extends { readonly when: infer W } ? PartsOf<W> : unknown)
  : never;

/** The attributes that spell all the keys of an entity's item. */
export type EntityParts<D extends EntityDescriptor> = TemplateParts<D['primary']> &
  UnionToIntersection<
    { [K in keyof D['indexes']]: TemplateParts<D['indexes'][K]> }[keyof D['indexes']]
  >;

/** Declares an entity, keeping the exact attribute types of its key functions. */
export function defineEntity<const D extends EntityDescriptor>(descriptor: D): D {
  return descriptor;
}

/** The primary key of one item. */
export function primaryKey<P, S>(
  template: KeyTemplate<P, S>,
  parts: P & S,
): { pk: string; sk: string } {
  return { pk: template.pk(parts), sk: template.sk(parts) };
}

/** Every key of an item (primary and those of the indexes that list it) and its entity name. */
export function storedKeys<D extends EntityDescriptor>(
  descriptor: D,
  item: EntityParts<D>,
): ItemKey & IndexKeys & { entity: D['name'] } {
  // `EntityParts<D>` holds every attribute any key function of `D` reads, so each may be given
  // the whole item; the declared parameter types are narrower than TypeScript can follow here.
  const parts = item as never;
  const indexKeys: Record<string, string> = {};
  for (const template of Object.values(descriptor.indexes)) {
    if (template.when && !template.when(parts)) continue;
    const attributes = indexAttributes(template.index);
    indexKeys[attributes.partitionKey] = template.pk(parts);
    indexKeys[attributes.sortKey] = template.sk(parts);
  }
  return {
    pk: descriptor.primary.pk(parts),
    sk: descriptor.primary.sk(parts),
    ...(indexKeys as IndexKeys),
    entity: descriptor.name,
  };
}

/**
 * Where a query finds an entity's items: the index (none for the table itself), the partition
 * value and, in a shared partition, the entity's sort key prefix. Spread into `queryPage`.
 */
export function partitionOf<P>(
  template: KeyTemplate<P, never> | IndexTemplate<P, never>,
  parts: P,
): { index?: IndexName; partitionValue: string; sortKeyPrefix?: string } {
  return {
    ...('index' in template ? { index: template.index } : {}),
    partitionValue: template.pk(parts),
    ...(template.skPrefix ? { sortKeyPrefix: template.skPrefix } : {}),
  };
}
