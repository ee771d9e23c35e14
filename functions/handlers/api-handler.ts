import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { requestLimits } from '../../graphql/protection';
import { createRequestContext, type ClientLimits } from '../../graphql/request-context';
import { createGraphQLServer } from '../../graphql/server';
import { RateLimiter } from '../core/shared/rate-limiter';
import { schemaDiscoverable } from '../composition/config';
import type { Container } from '../composition/container';

const perMinute = (value: number) => ({ perMinute: value, burst: Math.max(1, value / 4) });

/**
 * The GraphQL Lambda handler for an API Gateway HTTP API (payload v2): Apollo Server and the
 * request context, behind a body-size check. Built from a container so tests and the local
 * runner use the exact handler that runs in AWS.
 */
export function createApiHandler(container: Container) {
  const server = createGraphQLServer({
    hideSchema: !schemaDiscoverable(container.config),
    log: {
      error: (message, details) => container.logger.error(message, details),
    },
  });
  const limits: ClientLimits = {
    anonymous: perMinute(container.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE),
    user: perMinute(container.config.RATE_LIMIT_USER_PER_MINUTE),
    partner: perMinute(container.config.RATE_LIMIT_PARTNER_PER_MINUTE),
  };
  const limiter = new RateLimiter();
  const apollo = startServerAndCreateLambdaHandler(
    server,
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    {
      context: ({ event, context }) =>
        createRequestContext(
          {
            headers: event.headers,
            // API Gateway's id: the one the client receives (apigw-requestid) and can quote.
            requestId: event.requestContext.requestId || context.awsRequestId,
            sourceIp: event.requestContext.http.sourceIp,
          },
          { ...container, limiter, limits },
        ),
    },
  );
  return async (event: APIGatewayProxyEventV2, context: Context) => {
    const size = event.body
      ? event.isBase64Encoded
        ? Math.floor((event.body.length * 3) / 4)
        : Buffer.byteLength(event.body, 'utf8')
      : 0;
    // Refused before Apollo parses anything: a huge body costs no more than its length check.
    if (size > requestLimits.bodyBytes) {
      return {
        statusCode: 413,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errors: [
            {
              message: `The request body exceeds ${requestLimits.bodyBytes} bytes.`,
              extensions: { code: 'BAD_USER_INPUT', errorCode: 'REQUEST_TOO_LARGE' },
            },
          ],
        }),
      };
    }
    const result = await apollo(event, context, () => undefined);
    // The integration always resolves with a result when awaited; this only satisfies the type.
    return result ?? { statusCode: 500, body: '{"errors":[{"message":"No response"}]}' };
  };
}

export type ApiHandler = ReturnType<typeof createApiHandler>;
