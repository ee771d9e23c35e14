import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { httpStatusOf, type DomainError } from '../core/shared/errors';
import { RateLimitedError } from '../core/shared/rate-limiter';

/** Headers every public response carries. */
const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Public machine-readable documents may be fetched from any origin (verifiers, wallets). */
const corsHeaders = { 'access-control-allow-origin': '*' };

export function jsonResponse(
  body: unknown,
  options: { status?: number; contentType?: string; maxAge?: number } = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: options.status ?? 200,
    headers: {
      ...baseHeaders,
      ...corsHeaders,
      'content-type': `${options.contentType ?? 'application/json'}; charset=utf-8`,
      'cache-control':
        options.maxAge === undefined ? 'no-store' : `public, max-age=${options.maxAge}`,
    },
    body: JSON.stringify(body, null, 2),
  };
}

export function textResponse(
  body: string,
  contentType: string,
  options: { status?: number; maxAge?: number; headers?: Record<string, string> } = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: options.status ?? 200,
    headers: {
      ...baseHeaders,
      ...corsHeaders,
      'content-type': contentType,
      'cache-control':
        options.maxAge === undefined ? 'no-store' : `public, max-age=${options.maxAge}`,
      ...options.headers,
    },
    body,
  };
}

export function binaryResponse(
  body: Buffer,
  contentType: string,
  options: { maxAge?: number; filename?: string } = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      ...baseHeaders,
      ...corsHeaders,
      'content-type': contentType,
      'cache-control':
        options.maxAge === undefined ? 'no-store' : `public, max-age=${options.maxAge}`,
      ...(options.filename
        ? { 'content-disposition': `inline; filename="${options.filename}"` }
        : {}),
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

/** SVG may carry scripts: served with a CSP that forbids them, so a badge can never run code. */
export const svgHeaders = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
};

export function problem(
  status: number,
  code: string,
  message: string,
): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(
    { error: { code, message } },
    { status, contentType: 'application/problem+json' },
  );
}

/**
 * A domain error as a problem response, with the status every transport gives its category
 * (a refusal is 403, a missing sign-in 401, throttling 429 with its Retry-After).
 */
export function domainProblem(error: DomainError): APIGatewayProxyStructuredResultV2 {
  const response = problem(httpStatusOf(error.category), error.code, error.message);
  if (error instanceof RateLimitedError)
    response.headers = { ...response.headers, 'retry-after': String(error.retryAfterSeconds) };
  return response;
}

/** The media type the client prefers among `offered`, by the Accept header's q-values. */
export function negotiate(
  accept: string | undefined,
  offered: readonly string[],
  fallback: string,
): string {
  if (!accept) return fallback;
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { range: range.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { range } of ranges) {
    if (offered.includes(range)) return range;
    if (range === '*/*') return fallback;
    if (range.endsWith('/*')) {
      const match = offered.find((type) => type.startsWith(range.slice(0, -1)));
      if (match) return match;
    }
  }
  return fallback;
}
