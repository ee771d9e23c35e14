import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  Handler,
} from 'aws-lambda';
import { addressKey, RateLimiter } from '../../functions/core/shared/rate-limiter';
import { isWalletPath } from '../../functions/handlers/wallet-routes';
import type { StageThrottle } from '../stage';

/** A Lambda handler for HTTP API (payload v2) events, as the functions export it. */
export type HttpLambdaHandler = Handler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;

/** A route handled in-process without an event (the dev identity issuer's JWKS, health). */
export type LocalRoute = (request: IncomingMessage, response: ServerResponse) => void;

export interface GatewayRoutes {
  /** `/graphql` (any method). */
  readonly api: HttpLambdaHandler;
  /** Every other path (the public web function). */
  readonly publicWeb: HttpLambdaHandler;
  /** The wallet protocol paths (`wallet-routes.ts`), when the wallets function runs. */
  readonly wallets?: HttpLambdaHandler;
  /** Exact paths served locally, e.g. the dev JWKS. */
  readonly local?: Readonly<Record<string, LocalRoute>>;
}

/** API Gateway HTTP APIs accept payloads up to 10 MB; the local gateway refuses what AWS would. */
const maxBodyBytes = 10 * 1024 * 1024;
const textTypes =
  /^(text\/|application\/(json|ld\+json|jwt|graphql|x-www-form-urlencoded|xml)|image\/svg\+xml)/i;

export interface GatewayOptions {
  /**
   * The stage throttle, as API Gateway applies it in AWS: one token bucket for every route and
   * client together; a request beyond it gets API Gateway's own 429 before any function runs.
   * @default - none
   */
  readonly throttle?: StageThrottle;
  /**
   * The per-client rule in front of the stage throttle (a WAF rate-based rule in AWS): one
   * bucket per source address (IPv6 by its /64); a request it refuses gets a 429 and takes
   * nothing from the stage's bucket.
   * @default - none
   */
  readonly clientThrottle?: StageThrottle;
}

/**
 * The local stand-in for API Gateway: turns each HTTP request into an HTTP API (v2) event,
 * calls the same Lambda handler that runs in AWS, and writes its result back.
 */
export function createHttpGateway(routes: GatewayRoutes, options: GatewayOptions = {}): Server {
  const stage = options.throttle && stageThrottle(options.throttle);
  const perClient = options.clientThrottle && clientThrottle(options.clientThrottle);
  const throttle = (request: IncomingMessage) =>
    (!perClient || perClient(request.socket.remoteAddress)) && (!stage || stage());
  return createServer((request, response) => {
    void handle(routes, request, response, throttle).catch((error: unknown) => {
      console.error('local gateway error', error);
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
      }
      response.end('{"message":"Internal Server Error"}');
    });
  });
}

/** Takes a request from the stage's bucket; false when the stage is over its limit. */
function stageThrottle({ rateLimit, burstLimit }: StageThrottle): () => boolean {
  const limiter = new RateLimiter();
  const limit = { perMinute: rateLimit * 60, burst: burstLimit };
  return () => limiter.tryTake('stage', limit) === 0;
}

/** Takes a request from the bucket of its source address; false when that one is empty. */
function clientThrottle({
  rateLimit,
  burstLimit,
}: StageThrottle): (address: string | undefined) => boolean {
  const limiter = new RateLimiter();
  const limit = { perMinute: rateLimit * 60, burst: burstLimit };
  return (address) => limiter.tryTake(addressKey(address), limit) === 0;
}

async function handle(
  routes: GatewayRoutes,
  request: IncomingMessage,
  response: ServerResponse,
  throttle: (request: IncomingMessage) => boolean,
) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const local = routes.local?.[url.pathname];
  if (local) return local(request, response);
  if (!throttle(request)) {
    // What an HTTP API answers when its stage throttle refuses a request (the WAF rule in front
    // of it is set to answer the same).
    request.resume();
    response.writeHead(429, { 'content-type': 'application/json' });
    response.end('{"message":"Too Many Requests"}');
    return;
  }

  const body = await readBody(request);
  if (body === 'too-large') {
    response.writeHead(413, { 'content-type': 'application/json' });
    response.end('{"message":"Request Entity Too Large"}');
    return;
  }
  const isGraphql = url.pathname === '/graphql';
  const wallets =
    !isGraphql && routes.wallets && isWalletPath(url.pathname) ? routes.wallets : null;
  const event = toEvent(
    request,
    url,
    body,
    isGraphql ? 'ANY /graphql' : wallets ? `ANY ${url.pathname}` : 'GET /{proxy+}',
  );
  const handler = isGraphql ? routes.api : (wallets ?? routes.publicWeb);
  // Async handlers resolve with their result; the callback form is not used by Tessera.
  const result = await handler(
    event,
    lambdaContext(event.requestContext.requestId),
    () => undefined,
  );
  if (result === undefined) throw new Error(`handler for ${event.routeKey} returned nothing`);
  writeResult(response, result);
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Builds the event API Gateway would send (header names lower-cased, repeats comma-joined). */
export function toEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  routeKey: string,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = request.headers.cookie
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  }
  const isText = textTypes.test(headers['content-type'] ?? 'application/json');
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(cookies?.length ? { cookies } : {}),
    ...(url.searchParams.size > 0 ? { queryStringParameters: query } : {}),
    ...(url.pathname.startsWith('/') && routeKey.includes('{proxy+}')
      ? { pathParameters: { proxy: url.pathname.slice(1) } }
      : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0
      ? { body: isText ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !isText }
      : { isBase64Encoded: false }),
  };
}

function lambdaContext(requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'tessera-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:tessera-local',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/tessera-local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2) {
  // A handler may return a bare value: API Gateway then answers 200 with it as JSON.
  const structured: APIGatewayProxyStructuredResultV2 =
    typeof result === 'object' && result !== null && 'statusCode' in result
      ? result
      : {
          statusCode: 200,
          body: JSON.stringify(result),
          headers: { 'content-type': 'application/json' },
        };
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const body = structured.body
    ? Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(body);
}
