import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Container } from '../composition/container';
import { DomainError } from '../core/shared/errors';
import {
  authorizationServerMetadata,
  credentialIssuerMetadata,
  walletLogoSvg,
} from '../core/wallets/metadata';
import { walletLimits, WalletProtocolError } from '../core/wallets/model';
import { domainProblem, jsonResponse, negotiate, problem, svgHeaders, textResponse } from './http';

type Response = APIGatewayProxyStructuredResultV2;
type Wallets = Container['services']['wallets'];

/** Metadata changes only with a deployment; wallets may cache it for five minutes. */
const metadataMaxAge = 300;

/** An OAuth 2.0 / OpenID4VCI error response (`error`, `error_description`). */
function protocolProblem(error: WalletProtocolError): Response {
  const status =
    error.category === 'UNAUTHENTICATED'
      ? 401
      : error.category === 'NOT_FOUND'
        ? 404
        : error.category === 'CONFLICT' && error.protocolError !== 'invalid_token'
          ? 409
          : error.protocolError === 'invalid_token'
            ? 401
            : 400;
  const response = jsonResponse(
    { error: error.protocolError, error_description: error.message, code: error.code },
    { status },
  );
  if (status === 401)
    response.headers = { ...response.headers, 'www-authenticate': 'Bearer error="invalid_token"' };
  return response;
}

/** The request body as text, or null when it is larger than any wallet message needs. */
function bodyOf(event: APIGatewayProxyEventV2): string | null {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return Buffer.byteLength(text, 'utf8') > walletLimits.requestBytes ? null : text;
}

function jsonBody(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new WalletProtocolError(
      'BAD_USER_INPUT',
      'BODY_NOT_JSON',
      'invalid_request',
      'The body must be JSON.',
    );
  }
}

const bearerToken = (header: string | undefined) => {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,200})$/i.exec(header?.trim() ?? '');
  return match ? match[1]! : null;
};

/** Routes one request to its use case; null when the path and method name none. */
async function route(
  wallets: Wallets,
  event: APIGatewayProxyEventV2,
  body: string,
): Promise<Response | null> {
  const method = event.requestContext.http.method;
  const path = event.rawPath;
  const noStore = { status: 200 };
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/.well-known/openid-credential-issuer')
      return jsonResponse(credentialIssuerMetadata(wallets.urls), { maxAge: metadataMaxAge });
    if (path === '/.well-known/oauth-authorization-server')
      return jsonResponse(authorizationServerMetadata(wallets.urls), { maxAge: metadataMaxAge });
    if (path === '/oid4vci/logo.svg')
      return textResponse(walletLogoSvg, 'image/svg+xml', {
        maxAge: metadataMaxAge,
        headers: svgHeaders,
      });
    const copyId = /^\/wallet-copies\/([^/]{1,100})$/.exec(path)?.[1];
    if (copyId) return walletCopy(wallets, decodeURIComponent(copyId), event.headers.accept);
    return null;
  }
  if (method !== 'POST') return null;
  if (path === '/oid4vci/token')
    return jsonResponse(
      await wallets.tokens.exchange(Object.fromEntries(new URLSearchParams(body))),
      noStore,
    );
  if (path === '/oid4vci/nonce') return jsonResponse(await wallets.credentialEndpoint.nonce());
  if (path === '/oid4vci/credential')
    return jsonResponse(
      await wallets.credentialEndpoint.issue(
        bearerToken(event.headers.authorization),
        jsonBody(body),
      ),
    );
  const exchangeId = /^\/exchanges\/([^/]{1,100})$/.exec(path)?.[1];
  if (exchangeId)
    return jsonResponse(
      await wallets.exchanges.participate(decodeURIComponent(exchangeId), jsonBody(body)),
    );
  return null;
}

/** A wallet copy as JSON-LD (the default) or as its VC-JWT (`Accept: application/jwt`). */
async function walletCopy(wallets: Wallets, id: string, accept: string | undefined) {
  const copy = await wallets.copies.find(id);
  if (!copy) return problem(404, 'NOT_FOUND', 'No such wallet copy.');
  const type = negotiate(
    accept,
    ['application/ld+json', 'application/json', 'application/jwt'],
    'application/ld+json',
  );
  if (type === 'application/jwt') return textResponse(copy.jwt, 'application/jwt');
  return jsonResponse(copy.credential, {
    contentType: type === 'application/json' ? 'application/json' : 'application/ld+json',
  });
}

/**
 * The wallets function: OpenID4VCI 1.0 metadata, token, nonce and credential endpoints, the
 * VC-API exchange Learner Credential Wallet talks to, and the wallet copies' public URLs. No
 * sign-in: each request carries its own proof (a pre-authorized code, an access token, a
 * DIDAuth presentation). Errors are protocol error responses; unknown failures a logged 500.
 */
export function createWalletsHandler(container: Pick<Container, 'services' | 'logger'>) {
  const wallets = container.services.wallets;
  return async (event: APIGatewayProxyEventV2): Promise<Response> => {
    if (event.requestContext.http.method === 'OPTIONS') return preflight();
    const body = bodyOf(event);
    if (body === null) return problem(413, 'BODY_TOO_LARGE', 'The request body is too large.');
    try {
      return (
        (await route(wallets, event, body)) ??
        problem(405, 'METHOD_NOT_ALLOWED', 'That method is not supported here.')
      );
    } catch (error) {
      if (error instanceof WalletProtocolError) return protocolProblem(error);
      if (error instanceof DomainError && error.category !== 'INTERNAL')
        return domainProblem(error);
      container.logger.error('Wallet request failed', {
        path: event.rawPath,
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

/** Browser-based wallets call these endpoints from their own origin. */
function preflight(): Response {
  return textResponse('', 'text/plain', {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type, accept',
    },
  });
}
