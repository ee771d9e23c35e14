import { request } from 'node:http';

/** An HTTP answer: status and body text. */
export interface Answer {
  readonly status: number;
  readonly body: string;
}

/**
 * Sends one HTTP request from a given loopback address (any of 127.0.0.0/8 on Linux), so a test
 * can play several clients that a server tells apart by source address, as it would in AWS.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/** POSTs a GraphQL query from `localAddress`. */
export function graphqlFrom(
  localAddress: string,
  endpoint: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return requestFrom(localAddress, endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}
