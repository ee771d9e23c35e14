import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

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
  /** Characters of an `ID` the platform minted (UUIDs, key ids): letters, digits, `_ - . :`. */
  idLength: 200,
} as const;

const idPattern = new RegExp(`^[A-Za-z0-9_.:-]{1,${requestLimits.idLength}}$`);

/** Stable codes of each refusal, in `extensions.errorCode`. */
export const refusalCodes = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  cost: 'QUERY_TOO_COMPLEX',
  tokens: 'QUERY_TOO_LONG',
  directives: 'TOO_MANY_DIRECTIVES',
  operationType: 'OPERATION_NOT_SUPPORTED',
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
 * Refuses an operation of a type the schema does not serve (a `subscription`: there is no
 * subscription type). graphql-js would accept it in validation and fail only when executing,
 * which Apollo reports as an internal error.
 */
export const servedOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === OperationTypeNode.QUERY
        ? schema.getQueryType()
        : node.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root)
      context.reportError(
        new GraphQLError(`This API serves no ${node.operation} operations.`, {
          nodes: [node],
          extensions: { errorCode: refusalCodes.operationType },
        }),
      );
  },
});

/**
 * GraphQL Armor's protections with Tessera's limits: depth, aliases, cost, tokens, directives,
 * and (where the schema is hidden) no "did you mean" field suggestions that would map it.
 */
export function queryProtections(options: { hideSchema: boolean }): {
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
    blockFieldSuggestion: { enabled: options.hideSchema },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}

/**
 * A type as the schema object describes it. The walk below asks the schema's own objects
 * (`ofType`, `getFields`, `name`) instead of graphql's `instanceof` helpers: Apollo loads
 * graphql through `require()` while ESM code may load the other copy, and the helpers refuse
 * types from "another realm".
 */
interface TypeLike {
  readonly name?: string;
  readonly ofType?: TypeLike;
  getFields?(): Record<
    string,
    { type: TypeLike; args?: readonly { name: string; type: TypeLike }[] }
  >;
  toString(): string;
}

/** The JavaScript value of an argument's AST (variables substituted). */
function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values.map((item) => valueOf(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((field) => [field.name.value, valueOf(field.value, variables)]),
      );
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
  }
}

/** Every value of type `ID` inside `value` (input objects and lists too), with its path. */
function idsIn(type: TypeLike, value: unknown, path: string): { path: string; value: unknown }[] {
  if (value === null || value === undefined) return [];
  if (type.ofType && String(type).endsWith('!')) return idsIn(type.ofType, value, path);
  if (type.ofType)
    return Array.isArray(value)
      ? value.flatMap((item, index) => idsIn(type.ofType!, item, `${path}.${index}`))
      : idsIn(type.ofType, value, path);
  if (type.getFields && typeof value === 'object') {
    const fields = type.getFields();
    return Object.entries(value as Record<string, unknown>).flatMap(([name, field]) =>
      fields[name] ? idsIn(fields[name].type, field, `${path}.${name}`) : [],
    );
  }
  return type.name === 'ID' ? [{ path, value }] : [];
}

const namedType = (type: TypeLike): TypeLike => (type.ofType ? namedType(type.ofType) : type);

/** Paths of malformed `ID` arguments anywhere in the operation's selections. */
function invalidIds(
  document: DocumentNode,
  schema: GraphQLSchema,
  operationType: OperationTypeNode,
  variables: Record<string, unknown>,
): string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition: ASTNode) =>
      definition.kind === Kind.FRAGMENT_DEFINITION
        ? [[definition.name.value, definition] as const]
        : [],
    ),
  );
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parent: TypeLike | null | undefined) => {
    if (!parent?.getFields) return;
    const fields = parent.getFields();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fields[selection.name.value];
        if (!field) continue;
        for (const argument of selection.arguments ?? []) {
          const definition = field.args?.find((arg) => arg.name === argument.name.value);
          if (!definition) continue;
          const value = valueOf(argument.value, variables);
          for (const id of idsIn(definition.type, value, argument.name.value))
            if (typeof id.value !== 'string' || !idPattern.test(id.value)) problems.push(id.path);
        }
        if (selection.selectionSet) walk(selection.selectionSet, namedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as TypeLike | undefined)
          : parent;
        walk(selection.selectionSet, condition);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        walk(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined,
        );
      }
    }
  };
  const root = (
    operationType === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operationType === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType()
  ) as TypeLike | null | undefined;
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === operationType)
      walk(definition.selectionSet, root);
  return problems;
}

/**
 * Refuses malformed `ID` arguments (literal or in variables, at any depth) before any resolver
 * runs: ids the platform mints are short and plain, and an id reaches storage keys, so a 10 MB
 * or control-character "id" is answered with BAD_USER_INPUT / ID_INVALID instead of reaching
 * DynamoDB (whose keys stop at 2 KB).
 */
export function idGuard(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, schema, request, operation }) {
          const problems = operation
            ? invalidIds(document, schema, operation.operation, request.variables ?? {})
            : [];
          if (problems.length) {
            throw new GraphQLError(`Invalid id: ${problems.slice(0, 10).join(', ')}.`, {
              extensions: {
                code: 'BAD_USER_INPUT',
                errorCode: 'ID_INVALID',
                fields: problems.slice(0, 10).map((path) => ({
                  path,
                  message: `must be an id of at most ${requestLimits.idLength} letters, digits, _ - . or :`,
                })),
                http: { status: 400 },
              },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
