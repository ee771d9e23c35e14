import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { formatError, isExpectedError } from './errors';
import type { GraphQLContext } from './context';
import { typeDefs } from './generated/type-defs';
import { resolvers } from './resolvers';

/** Where the server reports errors that are bugs (structured, with the request id). */
export interface ErrorLog {
  error(message: string, details: Record<string, unknown>): void;
}

export interface GraphQLServerOptions {
  /** Introspection is off in production; on locally and in tests. */
  readonly introspection: boolean;
  readonly log: ErrorLog;
}

/** Logs every unexpected error with the request id; the client only sees a generic message. */
function unexpectedErrorLogger(log: ErrorLog): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
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
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [unexpectedErrorLogger(options.log)],
  });
}
