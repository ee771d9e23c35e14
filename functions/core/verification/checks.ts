import * as z from 'zod';

const isoDate = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date-time');
const typeList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]));
const idOrObject = z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]);

/**
 * The shape a credential must have before anything else is checked: a VC (Data Model 2.0, or
 * 1.1 as earlier OB 3.0 issuers used) with an issuer, a subject, dates, and Open Badges types.
 */
export const credentialShape = z.looseObject({
  '@context': z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).min(1),
  id: z.string().optional(),
  type: typeList.refine(
    (types) => types.includes('VerifiableCredential'),
    'must include VerifiableCredential',
  ),
  issuer: idOrObject,
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
  issuanceDate: isoDate.optional(),
  expirationDate: isoDate.optional(),
  credentialSubject: z.union([z.looseObject({}), z.array(z.looseObject({})).min(1)]),
  credentialStatus: z.union([z.looseObject({}), z.array(z.looseObject({}))]).optional(),
  proof: z.union([z.looseObject({}), z.array(z.looseObject({}))]).optional(),
});
export type CredentialShape = z.output<typeof credentialShape>;

const typeIncluding = (name: string) =>
  typeList.refine((types) => types.includes(name), `must include ${name}`);
const uri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'must be a URI');

/**
 * What Open Badges 3.0 requires of an `OpenBadgeCredential` / `AchievementCredential` (the
 * required properties of the 1EdTech JSON Schema for the credential, its `Profile` issuer, its
 * `AchievementSubject` and `Achievement`), checked after the VC shape. Extra properties are
 * allowed, as the schema allows them.
 */
export const openBadgeShape = z.looseObject({
  id: uri,
  name: z.string().min(1),
  issuer: z.looseObject({ id: uri, type: typeIncluding('Profile') }),
  credentialSubject: z.looseObject({
    type: typeIncluding('AchievementSubject'),
    achievement: z.looseObject({
      id: uri,
      type: typeIncluding('Achievement'),
      name: z.string().min(1),
      description: z.string(),
      criteria: z.union([
        z.looseObject({ id: uri }),
        z.looseObject({ narrative: z.string().min(1) }),
      ]),
    }),
  }),
});

export const openBadgeTypes = [
  'OpenBadgeCredential',
  'AchievementCredential',
  'EndorsementCredential',
  'ClrCredential',
];

/** Counts that bound the JSON-LD work a document can cause (see `verificationLimits`). */
export interface ComplexityLimits {
  /** Every JSON value: objects, arrays, strings, numbers, booleans and nulls. */
  readonly values: number;
  /** Objects: each is a node, blank unless it has an id, and may open a context scope. */
  readonly objects: number;
  /** Items of any one array: jsonld.js merges a property's values with a linear duplicate check. */
  readonly arrayItems: number;
  /** Distinct property names, inline context definitions included: each is a term to expand. */
  readonly propertyNames: number;
}

/**
 * The first of `limits` that `value` exceeds (its name), or null. One walk with an explicit
 * stack, stopped as soon as a count is over its limit, so measuring costs at most the limits.
 */
export function exceededComplexity(
  value: unknown,
  limits: ComplexityLimits,
): keyof ComplexityLimits | null {
  const names = new Set<string>();
  const pending: unknown[] = [value];
  let values = 0;
  let objects = 0;
  while (pending.length > 0) {
    const current = pending.pop();
    values += 1;
    if (values > limits.values) return 'values';
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      if (current.length > limits.arrayItems) return 'arrayItems';
      for (const item of current) pending.push(item);
      continue;
    }
    objects += 1;
    if (objects > limits.objects) return 'objects';
    for (const [name, child] of Object.entries(current)) {
      names.add(name);
      if (names.size > limits.propertyNames) return 'propertyNames';
      pending.push(child);
    }
  }
  return null;
}
