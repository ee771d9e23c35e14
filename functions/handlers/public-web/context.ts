import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { PublicRouteKind, RouteParams } from '../../core/shared/public-urls';
import type { Container } from '../../composition/container';
import { jsonResponse, negotiate, textResponse } from '../http';

/** What the public web routes use of the container. */
export type PublicWebContext = Pick<
  Container,
  'services' | 'urls' | 'clock' | 'config' | 'authenticator'
>;

export type Response = APIGatewayProxyStructuredResultV2;

/** One route of the public web: the parsed parameters of its URL, and the request. */
export type RouteHandler<Kind extends PublicRouteKind> = (
  params: RouteParams<Kind>,
  event: APIGatewayProxyEventV2,
) => Promise<Response>;

/** A handler for every route the platform mints: a new URL cannot go unserved. */
export type RouteHandlers = { readonly [Kind in PublicRouteKind]: RouteHandler<Kind> };

export const htmlType = 'text/html; charset=utf-8';

/** Pages run no scripts and load nothing but images and inline styles. */
export const pageHeaders = {
  'content-security-policy':
    "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

/** Pages with a form (the verifier, the catalogue's search) may submit it here, and only here. */
export const formPageHeaders = {
  ...pageHeaders,
  'content-security-policy': pageHeaders['content-security-policy'].replace(
    "form-action 'none'",
    "form-action 'self'",
  ),
};

/** An HTML page with the page headers. */
export function htmlResponse(body: string, status = 200, forms = false): Response {
  return textResponse(body, htmlType, {
    status,
    headers: forms ? formPageHeaders : pageHeaders,
  });
}

/** Whether a request prefers the page to the JSON-LD document (browsers do; machines do not). */
export function wantsHtml(accept: string | undefined): boolean {
  return (
    negotiate(
      accept,
      ['application/ld+json', 'application/json', 'text/html'],
      'application/ld+json',
    ) === 'text/html'
  );
}

/** Documents that rarely change (profiles, DID documents, achievements) are cached 5 minutes. */
export const stableMaxAge = 300;

/** A found document as JSON of `contentType` (cached as stable), or the answer for none. */
export function documentOr(
  document: object | null,
  contentType: string,
  notFound: () => Response,
): Response {
  return document ? jsonResponse(document, { contentType, maxAge: stableMaxAge }) : notFound();
}
