import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** The HTTP API (payload v2) event API Gateway sends for `POST /graphql` with a JSON body. */
export function graphqlPostEvent(
  query: string,
  variables: Record<string, unknown> = {},
): APIGatewayProxyEventV2 {
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: 'ANY /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      host: 'api.tessera.example',
      'user-agent': 'tessera-bench',
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'api.tessera.example',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'tessera-bench',
      },
      requestId,
      routeKey: 'ANY /graphql',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body: JSON.stringify({ query, variables }),
    isBase64Encoded: false,
  };
}

/** The HTTP API (payload v2) event API Gateway sends for `GET path` to the public pages. */
export function httpGetEvent(path: string, accept: string): APIGatewayProxyEventV2 {
  const event = graphqlPostEvent('');
  return {
    ...event,
    routeKey: 'GET /{proxy+}',
    rawPath: path,
    headers: { accept, host: event.headers.host },
    body: undefined,
    requestContext: {
      ...event.requestContext,
      routeKey: 'GET /{proxy+}',
      http: { ...event.requestContext.http, method: 'GET', path },
    },
  };
}

/** The Lambda context the runtime passes beside the event. */
export function lambdaContext(requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'tessera-bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:tessera-bench',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/tessera-bench',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
