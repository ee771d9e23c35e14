import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { formatError, isExpectedError } from './errors';
import { idGuard, queryProtections, requestLimits } from './protection';
import type { GraphQLContext } from './context';
import { typeDefs } from './generated/type-defs';
import { resolvers } from './resolvers';

/** Where the server reports errors that are bugs (structured, with the request id). */
export interface ErrorLog {
  error(message: string, details: Record<string, unknown>): void;
}

export interface GraphQLServerOptions {
  /** Production: no introspection, no field suggestions, no schema details in errors. */
  readonly production: boolean;
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
          if (response.body.kind !== 'single' || !contextValue?.requestId) return Promise.resolve();
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

/** The Apollo Server shared by the Lambda handler and the tests. */
export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<GraphQLContext> {
  const protections = queryProtections({ production: options.production });
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    // One operation per request: a batch would multiply every per-request limit.
    allowBatchedHttpRequests: false,
    // Requests must be JSON or carry a preflight header, so a browser form cannot post one.
    csrfPrevention: true,
    validationRules: protections.validationRules,
    parseOptions: { maxTokens: requestLimits.tokens },
    formatError,
    plugins: [unexpectedErrorLogger(options.log), idGuard(), ...protections.plugins],
  });
}
