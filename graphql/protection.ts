import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Limits on every GraphQL request (documented in docs/protection.md). The biggest legitimate
 * operation is `verifyCredential` with a baked 5 MB image (about 6.7 MB of base64); the
 * deepest portal query nests six levels; no portal query needs more than a handful of aliases.
 */
export const requestLimits = {
  /** Bytes of the HTTP body (query and variables). API Gateway itself stops at 10 MB. */
  bodyBytes: 7 * 1024 * 1024,
  /** Nesting of selections (fragments flattened). */
  depth: 12,
  /** Aliased fields per operation (each alias can multiply the work of a field). */
  aliases: 15,
  /**
   * Armor's cost: objects 2, scalars 1, times 1.5 per level of depth, times `first` for pages.
   * A page of 100 credentials with twenty fields each costs 5,000; a page of pages does not fit.
   */
  cost: 20_000,
  /** Lexical tokens of the query document. */
  tokens: 3_000,
  /** Directives per operation. */
  directives: 20,
} as const;

/** Stable codes of each refusal, in `extensions.errorCode`. */
export const refusalCodes = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  cost: 'QUERY_TOO_COMPLEX',
  tokens: 'QUERY_TOO_LONG',
  directives: 'TOO_MANY_DIRECTIVES',
} as const;

/** The parser's message when a document has more than `maxTokens` tokens. */
export const tooManyTokens = /Document contains more th?at \d+ tokens/;

/** Reports an armor refusal with a stable code (Apollo answers GRAPHQL_VALIDATION_FAILED, 400). */
const refuse =
  (errorCode: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: 'BAD_USER_INPUT', errorCode },
    });
    if (context) context.reportError(refusal);
    else throw refusal;
  };

const reject = (errorCode: string) => ({
  propagateOnRejection: false,
  onReject: [refuse(errorCode)],
});

/**
 * GraphQL Armor's protections with Tessera's limits: depth, aliases, cost, tokens, directives,
 * and (in production) no "did you mean" field suggestions that would map the schema.
 */
export function queryProtections(options: { production: boolean }): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: requestLimits.depth, flattenFragments: true, ...reject(refusalCodes.depth) },
    maxAliases: { n: requestLimits.aliases, ...reject(refusalCodes.aliases) },
    costLimit: {
      maxCost: requestLimits.cost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ...reject(refusalCodes.cost),
    },
    // Tokens are limited by graphql's own parser (`parseOptions.maxTokens` in server.ts).
    maxTokens: { enabled: false },
    maxDirectives: { n: requestLimits.directives, ...reject(refusalCodes.directives) },
    blockFieldSuggestion: { enabled: options.production },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
