import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../core/shared/errors';
import { parsePublicPath, type PublicRoute } from '../core/shared/public-urls';
import type { Container } from '../composition/container';
import { domainProblem, negotiate, problem, textResponse } from './http';
import { htmlResponse, type Response, type RouteHandlers } from './public-web/context';
import { errorHtml } from './public-web/layout';
import { publicWebRoutes } from './public-web/routes';

/** Longer paths name nothing the platform mints; they are not matched at all. */
const maxPathLength = 512;

/**
 * The public web function: the dereferenceable URLs credentials contain, routed by the table
 * that mints them (`publicRoutes`). No authentication; every route is a GET of a public
 * document or page, except the verifier's form, posted to `/verify`. Unknown failures become a generic 500 and are logged with the request id.
 */
export function createPublicWebHandler(container: Container) {
  const routes = publicWebRoutes(container);

  return async (event: APIGatewayProxyEventV2): Promise<Response> => {
    const method = event.requestContext.http.method;
    if (method === 'OPTIONS') return preflight();
    const path = event.rawPath.length > maxPathLength ? '' : event.rawPath;
    const route = parsePublicPath(path);
    // The verifier's form is posted, and a credential's page by its learner (with a bearer
    // token, for the "Add to wallet" block); everything else is a document to GET.
    const posted =
      method === 'POST' &&
      route !== null &&
      route !== 'malformed' &&
      (route.kind === 'verify' || route.kind === 'credential');
    if (method !== 'GET' && method !== 'HEAD' && !posted)
      return problem(405, 'METHOD_NOT_ALLOWED', 'Only GET is supported here.');
    if (route === null) return problem(404, 'NOT_FOUND', 'Nothing here.');
    if (route === 'malformed')
      return problem(400, 'PATH_INVALID', 'The path is not validly percent-encoded.');
    try {
      return await dispatch(routes, route, event);
    } catch (error) {
      const known = error instanceof DomainError && error.category !== 'INTERNAL';
      if (!known)
        container.logger.error('Public web request failed', {
          path,
          requestId: event.requestContext.requestId,
          error,
        });
      const answer = known
        ? domainProblem(error)
        : problem(
            500,
            'INTERNAL_SERVER_ERROR',
            'Something went wrong on our side; it has been logged.',
          );
      // People get the same answer as a page; machines keep the problem document.
      return prefersPage(event) ? problemPage(answer) : answer;
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

function prefersPage(event: APIGatewayProxyEventV2): boolean {
  const offered = ['application/json', 'text/html'];
  return negotiate(event.headers.accept, offered, 'application/json') === 'text/html';
}

/** A problem response as a page, with its status and headers (Retry-After included). */
function problemPage(answer: Response): Response {
  const { error } = JSON.parse(String(answer.body)) as { error: { message: string } };
  const status = answer.statusCode ?? 500;
  const title = status === 429 || status === 503 ? 'Busy' : 'Something went wrong';
  const page = htmlResponse(errorHtml(title, error.message), status);
  const retryAfter = answer.headers?.['retry-after'];
  if (retryAfter !== undefined)
    page.headers = { ...page.headers, 'retry-after': String(retryAfter) };
  return page;
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
