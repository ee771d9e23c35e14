import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's built-in credentials (it checks request signatures against them). */
export const localS3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LocalObjectStorage {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) on loopback, standing in for S3 behind the same
 * adapter: presigned PUT/GET URLs, HEAD and GET work as in AWS. Objects live under `dataDir`
 * (kept across restarts) or a temporary folder.
 */
export async function startObjectStorage(options: {
  dataDir?: string;
  buckets: readonly string[];
}): Promise<LocalObjectStorage> {
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tessera-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
