import * as z from 'zod';
import type { PageRequest } from './runtime';
import { limits, parseInput } from './validation';

const pageArgs = z.object({
  first: z.int().min(1).max(limits.listPage).nullish(),
  after: z.string().max(2_000).nullish(),
});

/** Validates `first`/`after` list arguments; the default page is 20 items. */
export function pageRequest(first?: number | null, after?: string | null): PageRequest {
  const args = parseInput(pageArgs, { first, after }, 'args');
  return { limit: args.first ?? 20, cursor: args.after ?? null };
}
