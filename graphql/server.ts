import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { addResolversToSchema } from '@graphql-tools/schema';
import { buildASTSchema, type GraphQLSchema } from 'graphql';
import { formatError, isExpectedError } from './errors';
import { idGuard, queryProtections, requestLimits, servedOperationTypes } from './protection';
import type { GraphQLContext } from './context';
import { typeDefs } from './generated/type-defs';
import { resolvers } from './resolvers';

/** Where the server reports errors that are bugs (structured, with the request id). */
export interface ErrorLog {
  error(message: string, details: Record<string, unknown>): void;
}

export interface GraphQLServerOptions {
  /**
   * No introspection, no field suggestions, no schema details in errors: every deployed stage,
   * unless its configuration says otherwise (`schemaDiscoverable`).
   */
  readonly hideSchema: boolean;
  readonly log: ErrorLog;
}

/**
 * Logs every unexpected error with the request id; the client only sees a generic message,
 * with the same request id so support can find the log line.
 */
function unexpectedErrorLogger(log: ErrorLog): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          // A dependency that is down fails the request as a whole: 503, which clients and
          // load balancers retry, rather than 200 with an error inside.
          if (
            response.body.singleResult.errors?.some(
              (error) => error.extensions?.code === 'SERVICE_UNAVAILABLE',
            )
          )
            response.http.status = 503;
          if (!contextValue?.requestId) return Promise.resolve();
          for (const error of response.body.singleResult.errors ?? [])
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
              Object.assign(error, {
                extensions: { ...error.extensions, requestId: contextValue.requestId },
              });
          return Promise.resolve();
        },
        didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            log.error('Unexpected GraphQL error', {
              requestId: contextValue.requestId,
              operationName,
              path: error.path,
              error: error.originalError ?? error,
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The executable schema: the generated, already parsed schema document with the resolvers
 * attached in place.
 *
 * Apollo's `typeDefs` option goes through `makeExecutableSchema`, which parses and merges the
 * type definitions, validates the SDL and then copies the whole schema to attach the resolvers:
 * about 90 ms of every cold start, for a schema that `npm run codegen` already merged, validated
 * and parsed (`codegen:check` keeps it current). graphql-js still validates the type system
 * before the first operation runs, and `addResolversToSchema` still refuses a resolver for a
 * type or field the schema lacks.
 */
export function executableSchema(): GraphQLSchema {
  const schema = buildASTSchema(typeDefs, { assumeValidSDL: true });
  return addResolversToSchema({ schema, resolvers, updateResolversInPlace: true });
}

/**
 * Apollo features Tessera does not use, switched off so that the server neither loads them on
 * its first request (inline tracing alone brings a 130 kB protobuf library) nor turns them on
 * from the environment: the schema has no cache hints, it is not a federated subgraph, and
 * nothing reports operations or the schema to Apollo GraphOS, whatever `APOLLO_KEY` says.
 */
function apolloFeaturesNotUsed(): ApolloServerPlugin<GraphQLContext>[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
  ];
}

/** The Apollo Server shared by the Lambda handler and the tests. */
export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<GraphQLContext> {
  const protections = queryProtections({ hideSchema: options.hideSchema });
  return new ApolloServer<GraphQLContext>({
    schema: executableSchema(),
    introspection: !options.hideSchema,
    hideSchemaDetailsFromClientErrors: options.hideSchema,
    includeStacktraceInErrorResponses: false,
    // One operation per request: a batch would multiply every per-request limit.
    allowBatchedHttpRequests: false,
    // Requests must be JSON or carry a preflight header, so a browser form cannot post one.
    csrfPrevention: true,
    validationRules: [servedOperationTypes, ...protections.validationRules],
    parseOptions: { maxTokens: requestLimits.tokens },
    formatError,
    plugins: [
      unexpectedErrorLogger(options.log),
      idGuard(),
      ...protections.plugins,
      ...apolloFeaturesNotUsed(),
    ],
  });
}
