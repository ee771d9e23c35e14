import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { startKmsServer } from '../../infra/local/kms/server';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    kmsEndpoint: string;
  }
}

/** Starts the real local services once for the whole run; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal();
  const kmsDir = mkdtempSync(join(tmpdir(), 'tessera-kms-'));
  const kms = await startKmsServer({ storePath: join(kmsDir, 'keys.json') });
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('kmsEndpoint', kms.url);
  return async () => {
    await kms.close();
    await dynamodb.stop();
    rmSync(kmsDir, { recursive: true, force: true });
  };
}
