import { confusableEmail } from './email';
import * as z from 'zod';
import { ValidationError, type FieldProblem } from './errors';

/**
 * Parses untrusted input against `schema`. On failure throws one ValidationError naming every
 * offending field, so a client fixes all of them in one round trip.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root = 'input',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldProblem[] = result.error.issues.map((issue) => ({
    path: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const names = [...new Set(fields.map((field) => field.path))].slice(0, 10).join(', ');
  throw new ValidationError(`Invalid input: ${names}.`, fields);
}

/**
 * Size limits on every string and list the platform accepts (documented in docs/limits.md).
 * They bound item sizes well under DynamoDB's 400 KB and keep signed credentials small.
 */
export const limits = {
  name: 200,
  shortText: 500,
  description: 5_000,
  narrative: 20_000,
  url: 2_048,
  tag: 50,
  tags: 20,
  competencies: 50,
  learningOutcomes: 30,
  listPage: 100,
} as const;

/**
 * zod schemas are immutable, so each helper below builds its schema once (per limit) and every
 * field shares it: building schemas is a measurable part of a Lambda cold start.
 */
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

function perLimit<T>(build: (max: number) => T): (max: number) => T {
  const built = new Map<number, T>();
  return (max) => {
    let schema = built.get(max);
    if (schema === undefined) built.set(max, (schema = build(max)));
    return schema;
  };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text with no control characters other than tab and newlines, trimmed, bounded. */
export const text = perLimit((max) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'must not contain control characters',
    })
    // A lone surrogate is not Unicode text: storage would silently replace it.
    .refine((value) => !loneSurrogate.test(value), { message: 'must be valid Unicode text' }),
);

export const requiredText = perLimit((max) => text(max).pipe(z.string().min(1, 'is required')));

/** An absolute http(s) URL, bounded. */
export const httpUrl = once(() =>
  z
    .string()
    .trim()
    .max(limits.url, `must be at most ${limits.url} characters`)
    .pipe(z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })),
);

export const email = once(() =>
  z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ message: 'must be an email address' }))
    .superRefine((address, context) => {
      const problem = confusableEmail(address);
      if (problem)
        context.addIssue({
          code: 'custom',
          message: `${problem}: it could pass for another address`,
        });
    }),
);

/** ISO 3166-1 alpha-2 country code, e.g. `CA`, `IE`. */
export const countryCode = once(() =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
    .transform((value) => value.toUpperCase()),
);

/** BCP 47 language tag, e.g. `en`, `fr-CA`. */
export const languageTag = once(() =>
  z
    .string()
    .trim()
    .regex(
      /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
      'must be a BCP 47 language tag such as en or fr-CA',
    ),
);

export const identifier = once(() =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, _ and -'),
);
