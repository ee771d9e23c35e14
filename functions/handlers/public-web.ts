import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

/** Placeholder entry until the real handler lands. */
export const handler = (_event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> =>
  Promise.resolve({ statusCode: 503, body: '{"errors":[{"message":"not ready"}]}' });
