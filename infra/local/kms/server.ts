/**
 * A KMS-compatible HTTP endpoint for local runs and tests. It speaks the KMS JSON protocol
 * (`POST /` with `X-Amz-Target: TrentService.<Operation>`), so the production adapters and the
 * real `@aws-sdk/client-kms` run against it unchanged through an endpoint override. Signatures
 * (SigV4) are not checked: the endpoint listens on loopback for one developer or one test run.
 *
 * Besides KMS, it serves two local routes for other processes (a benchmark, an end-to-end test):
 * `POST /__local/faults` injects a fault (body: a {@link KmsFault}), `DELETE /__local/faults`
 * clears them, and `GET /__local/stats` returns the call counts per operation.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  faultSchema,
  FaultTable,
  kmsOperations,
  type KmsFaults,
  type KmsOperation,
} from './faults';
import { KeyStore } from './key-store';
import { operations } from './operations';
import { KmsError, RequestReader, isOneOf, isRecord } from './protocol';

export type { KmsFault, KmsFaults, KmsOperation, InjectableError } from './faults';

export interface LocalKms {
  /** Base URL to pass as the KMS client's `endpoint`, e.g. `http://127.0.0.1:49152`. */
  readonly url: string;
  /** Stops listening and waits for the last write of the key file. */
  close(): Promise<void>;
  /** Makes chosen operations fail, for tests of retries and error mapping. */
  readonly faults: KmsFaults;
  /** Calls received per operation (including ones that failed), since the server started. */
  stats(): Record<string, number>;
}

export interface KmsServerOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (the OS picks a free port) */
  readonly port?: number;
  /** JSON file of keys, aliases and tags; kept across restarts. Without it, keys live in memory. */
  readonly storePath?: string;
  /** Region named in key and alias ARNs. @default 'us-east-1' */
  readonly region?: string;
  /**
   * Milliseconds every KMS operation waits before it is answered, on a timer (no CPU): the
   * round trip to AWS KMS, which loopback does not have. @default `KMS_LATENCY_MS`, or 0
   */
  readonly latencyMs?: number;
}

/** `KMS_LATENCY_MS` from the environment: a whole number of milliseconds, 0 when unset. */
export function kmsLatencyFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KMS_LATENCY_MS;
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new Error(`KMS_LATENCY_MS must be a whole number of ms from 0 to 60000, got ${raw}`);
  }
  return value;
}

const contentType = 'application/x-amz-json-1.1';
const targetPrefix = 'TrentService.';
/** Far above any valid KMS request here (a 4 KiB message in base64 plus a few members). */
const maxBodyBytes = 1024 * 1024;

/**
 * Starts the endpoint and resolves once it listens. Keys in `storePath` are loaded first, so a
 * restart with the same path serves the same keys and every signature made before still verifies.
 */
export async function startKmsServer(options: KmsServerOptions = {}): Promise<LocalKms> {
  const host = options.host ?? '127.0.0.1';
  const store = await KeyStore.open({
    region: options.region ?? 'us-east-1',
    storePath: options.storePath,
  });
  const faults = new FaultTable();
  const calls = new Map<KmsOperation, number>();
  const latencyMs = options.latencyMs ?? kmsLatencyFromEnv();

  const handleKms = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    if (latencyMs > 0) await delay(latencyMs);
    const target = request.headers['x-amz-target'];
    const operation =
      typeof target === 'string' && target.startsWith(targetPrefix)
        ? target.slice(targetPrefix.length)
        : undefined;
    if (operation === undefined || !isOneOf(operation, kmsOperations)) {
      throw new KmsError(
        'UnknownOperationException',
        `The local KMS endpoint does not implement ${String(target)}.`,
      );
    }
    calls.set(operation, (calls.get(operation) ?? 0) + 1);
    const fault = faults.take(operation);
    if (fault) throw fault;
    if (body === undefined) {
      throw new KmsError('SerializationException', 'The request body is too large.', 413);
    }
    const now = new Date();
    if (store.purgeExpired(now)) await store.save();
    const output = await operations[operation](new RequestReader(parseJsonObject(body)), {
      store,
      now,
    });
    // Operations without output members (CreateAlias, EnableKey, ...) answer with no body.
    sendJson(response, 200, output);
  };

  const handleLocal = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const reply = (status: number, body?: unknown) =>
      sendJson(response, status, body, 'application/json');
    if (path === '/__local/stats' && request.method === 'GET') {
      return reply(200, Object.fromEntries(calls));
    }
    if (path === '/__local/faults' && request.method === 'DELETE') {
      faults.clear();
      return reply(204);
    }
    if (path === '/__local/faults' && request.method === 'POST') {
      let json: unknown;
      try {
        json = JSON.parse((await readBody(request)) ?? '');
      } catch {
        return reply(400, { message: 'The body is not JSON.' });
      }
      const fault = faultSchema.safeParse(json);
      if (!fault.success) return reply(400, { message: fault.error.message });
      faults.inject(fault.data);
      return reply(204);
    }
    return reply(404, { message: `No local route ${request.method} ${path}.` });
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handled = path.startsWith('/__local/')
      ? handleLocal(request, response, path)
      : request.method === 'POST' && path === '/'
        ? handleKms(request, response)
        : Promise.resolve(
            sendJson(response, 404, { message: `No route ${request.method} ${path}.` }),
          );
    handled.catch((error: unknown) => sendError(response, error));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('KMS server has no port');
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${hostInUrl}:${address.port}`,
    faults,
    stats: () => Object.fromEntries(calls),
    async close() {
      // Node closes idle keep-alive connections on close(); requests in flight may finish.
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await store.flushed();
    },
  };
}

/** The body as text, or `undefined` when it is larger than any KMS request can be. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    // Keep reading past the limit so the connection can serve the next request.
    if (size <= maxBodyBytes) chunks.push(bytes);
  }
  return size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(body: string): Record<string, unknown> {
  // The SDK sends `{}` for operations without input; an empty body means the same.
  if (body.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new KmsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (!isRecord(json)) {
    throw new KmsError('SerializationException', 'The request body is not a JSON object.');
  }
  return json;
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  type: string = contentType,
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(text);
}

/**
 * Errors travel as `{"__type": ..., "message": ...}`; the SDK builds its exception class from
 * `__type`. Anything that is not a KmsError is a bug in the endpoint: logged, and answered with
 * KMSInternalException so the client sees what AWS would send for a fault on its side.
 */
function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof KmsError) {
    sendJson(response, error.statusCode, { __type: error.type, message: error.message });
    return;
  }
  console.error('local KMS endpoint failed:', error);
  sendJson(response, 500, {
    __type: 'KMSInternalException',
    message: 'The local KMS endpoint failed; see its log.',
  });
}
