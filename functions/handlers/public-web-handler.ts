import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../core/shared/errors';
import { parsePublicPath, type PublicRoute } from '../core/shared/public-urls';
import type { Container } from '../composition/container';
import { domainProblem, problem, textResponse } from './http';
import type { Response, RouteHandlers } from './public-web/context';
import { publicWebRoutes } from './public-web/routes';

/** Longer paths name nothing the platform mints; they are not matched at all. */
const maxPathLength = 512;

/**
 * The public web function: the dereferenceable URLs credentials contain, routed by the table
 * that mints them (`publicRoutes`). No authentication; every route is a GET of a public
 * document. Unknown failures become a generic 500 and are logged with the request id.
 */
export function createPublicWebHandler(container: Container) {
  const routes = publicWebRoutes(container);

  return async (event: APIGatewayProxyEventV2): Promise<Response> => {
    const method = event.requestContext.http.method;
    if (method === 'OPTIONS') return preflight();
    if (method !== 'GET' && method !== 'HEAD')
      return problem(405, 'METHOD_NOT_ALLOWED', 'Only GET is supported here.');
    const path = event.rawPath.length > maxPathLength ? '' : event.rawPath;
    const route = parsePublicPath(path);
    if (route === null) return problem(404, 'NOT_FOUND', 'Nothing here.');
    if (route === 'malformed')
      return problem(400, 'PATH_INVALID', 'The path is not validly percent-encoded.');
    try {
      return await dispatch(routes, route, event);
    } catch (error) {
      if (error instanceof DomainError && error.category !== 'INTERNAL')
        return domainProblem(error);
      container.logger.error('Public web request failed', {
        path,
        requestId: event.requestContext.requestId,
        error,
      });
      return problem(
        500,
        'INTERNAL_SERVER_ERROR',
        'Something went wrong on our side; it has been logged.',
      );
    }
  };
}

/** Calls the route's handler with its parameters (the table pairs each kind with its own). */
function dispatch(
  routes: RouteHandlers,
  route: PublicRoute,
  event: APIGatewayProxyEventV2,
): Promise<Response> {
  // TypeScript cannot correlate `routes[route.kind]` with `route.params` (one union each);
  // `parsePublicPath` builds both from the same table entry.
  const handler = routes[route.kind];
  return handler(route.params as never, event);
}

function preflight(): Response {
  return textResponse('', 'text/plain', {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'accept',
    },
  });
}
