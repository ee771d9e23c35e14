import * as z from 'zod';
import { httpUrl, identifier, limits, requiredText, text } from '../shared/validation';

/**
 * The CLR 2.0 JSON-LD context. The transcript's `@context` is VC 2.0, this, then OB 3.0, in the
 * order CLR 2.0's schema requires; each embedded credential keeps its own contexts. The document
 * itself is bundled by the proofs adapter (no npm package ships it; it is vendored there).
 */
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

/**
 * How a stack's parts combine: ALL of a set (horizontal breadth), N_OF_M (any N of the parts),
 * or CHAIN (vertical depth: ordered levels, where a level counts toward progress only once
 * every level before it is held).
 */
export const stackRuleKinds = ['ALL', 'N_OF_M', 'CHAIN'] as const;
export type StackRuleKind = (typeof stackRuleKinds)[number];

/** A part of a stack: one of the institution's designs, or an achievement issued elsewhere. */
export const stackPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('DESIGN'), microCredentialId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('EXTERNAL'), achievementId: z.string(), name: z.string() }),
]);
export type StackPart = z.output<typeof stackPartSchema>;

/** What revoking a part does to the stacked credentials built on it. */
export const partRevocationPolicies = ['REVOKE', 'FLAG'] as const;
export type PartRevocationPolicy = (typeof partRevocationPolicies)[number];

export const stackStatuses = ['ACTIVE', 'RETIRED'] as const;

/**
 * A stack: a larger credential (its own, QA-reviewed design) earned by holding parts under a
 * rule. Retiring a stack stops new stacked credentials; those issued stay as they are.
 */
export const stackSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  /** The design of the stacked credential. */
  microCredentialId: z.string(),
  rule: z.enum(stackRuleKinds),
  /** Parts needed: N for N_OF_M, every part otherwise. */
  required: z.int().positive(),
  parts: z.array(stackPartSchema).min(1),
  onPartRevoked: z.enum(partRevocationPolicies),
  status: z.enum(stackStatuses),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  retiredAt: z.iso.datetime().optional(),
  version: z.int().positive(),
});
export type Stack = z.output<typeof stackSchema>;

/** Most parts a stack may have (each is an index item written in the stack's transaction). */
export const maxStackParts = 20;

export const defineStackInput = z.strictObject({
  institutionId: identifier(),
  name: requiredText(limits.name),
  description: text(limits.description).optional(),
  microCredentialId: identifier(),
  rule: z.enum(stackRuleKinds),
  required: z.int().positive().max(maxStackParts).optional(),
  parts: z
    .array(
      z.union([
        z.strictObject({ microCredentialId: identifier() }),
        z.strictObject({ achievementId: httpUrl(), name: requiredText(limits.name) }),
      ]),
    )
    .min(2, 'a stack needs at least two parts')
    .max(maxStackParts, `a stack has at most ${maxStackParts} parts`),
  onPartRevoked: z.enum(partRevocationPolicies).default('FLAG'),
});

/** A credential the learner holds that can count toward stacks. */
export interface Holding {
  /** The design id (credentials issued here) or achievement id (imported ones) it certifies. */
  readonly partKey: string;
  /** The credential's id here (a credential record or a backpack item). */
  readonly credentialId: string;
  /** The URL that identifies the credential itself. */
  readonly credentialUrl: string;
  /** The achievement it certifies (the design version's URL, or the other issuer's id). */
  readonly achievementUrl: string;
  readonly name: string;
  readonly earnedAt: string;
  readonly origin: 'ISSUED' | 'IMPORTED';
  /**
   * The learner shows it publicly (a credential issued here, PUBLIC): only then does a stacked
   * credential, public by default, name it.
   */
  readonly public: boolean;
}

/** A part that counts, with the credential that counts for it. */
export interface HeldPart {
  readonly part: StackPart;
  readonly holding: Holding;
}

/** Where a learner stands on one stack. */
export interface PathwayProgress {
  readonly stack: Stack;
  /** Parts that count now, each with the credential that counts. */
  readonly held: readonly HeldPart[];
  /** Parts still to earn (for a chain, in order: the first is the next level). */
  readonly remaining: readonly StackPart[];
  /** Parts needed in all (the size of the set, N, or the chain's length). */
  readonly needed: number;
  readonly satisfied: boolean;
  /** The stacked credential, once issued and still active. */
  readonly credentialId?: string;
}

export function partKey(part: StackPart): string {
  return part.kind === 'DESIGN' ? part.microCredentialId : part.achievementId;
}

/**
 * Which parts count and whether the rule is met, from what the learner holds (pure: the
 * service gathers holdings; this decides). The earliest credential for a part counts.
 */
export function evaluateRule(
  stack: Stack,
  holdings: readonly Holding[],
): Pick<PathwayProgress, 'held' | 'remaining' | 'needed' | 'satisfied'> {
  const held: HeldPart[] = [];
  const remaining: StackPart[] = [];
  let chainBroken = false;
  for (const part of stack.parts) {
    const holding = holdings
      .filter((candidate) => candidate.partKey === partKey(part))
      .sort((a, b) => a.earnedAt.localeCompare(b.earnedAt))[0];
    // In a chain a level counts only on top of every level before it.
    if (holding && !chainBroken) held.push({ part, holding });
    else remaining.push(part);
    if (!holding && stack.rule === 'CHAIN') chainBroken = true;
  }
  const needed = stack.rule === 'N_OF_M' ? stack.required : stack.parts.length;
  return { held, remaining, needed, satisfied: held.length >= needed };
}

/** "2 of 3 toward Leadership". */
export function progressSummary(progress: PathwayProgress): string {
  const count = Math.min(progress.held.length, progress.needed);
  return `${count} of ${progress.needed} toward ${progress.stack.name}`;
}
