import { createServer } from 'node:net';

/** Asks the OS for a free loopback port (for child processes that cannot bind port 0 themselves). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

/** Polls `probe` until it resolves, or fails after `timeoutMs` with the last error. */
export async function waitFor(
  probe: () => Promise<unknown>,
  { timeoutMs = 30_000, intervalMs = 50, what = 'service' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms`, { cause: lastError });
}
