import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { createRequestContext } from '../../graphql/request-context';
import { createGraphQLServer } from '../../graphql/server';
import type { Container } from '../composition/container';

/**
 * The GraphQL Lambda handler for an API Gateway HTTP API (payload v2): Apollo Server and the
 * request context, nothing else. Built from a container so tests and the local runner use the
 * exact handler that runs in AWS.
 */
export function createApiHandler(container: Container) {
  const server = createGraphQLServer({
    introspection: container.config.STAGE !== 'prod',
    log: {
      error: (message, details) => container.logger.error(message, details),
    },
  });
  return startServerAndCreateLambdaHandler(
    server,
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    {
      context: ({ event, context }) =>
        createRequestContext(
          {
            headers: event.headers,
            requestId: context.awsRequestId || event.requestContext.requestId,
          },
          container,
        ),
    },
  );
}

export type ApiHandler = ReturnType<typeof createApiHandler>;
