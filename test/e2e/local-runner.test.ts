import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { schemaErrors } from '../support/conformance';

const run = promisify(execFile);

/**
 * The promises the README makes to a new user, checked the way a user meets them: `npm start`
 * prints one ready line and serves the seeded platform, `npm run token` and `npm run demo` work
 * against it, Ctrl-C stops everything (DynamoDB Local's Java process included), and a restart
 * keeps the data.
 */
describe('npm start, npm run token and npm run demo on a fresh data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-runner-'));
  const env = { ...process.env, TESSERA_DATA_DIR: dataDir };
  const running: ChildProcess[] = [];

  /** Starts `npm start`'s entry point and resolves with its ready line. */
  const start = (port: number) =>
    new Promise<{ child: ChildProcess; ready: string }>((resolve, reject) => {
      // Its own process group, so a SIGINT reaches every process in it, as Ctrl-C does.
      const child = spawn('node_modules/.bin/tsx', ['infra/local/start.ts'], {
        env: { ...env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      running.push(child);
      let output = '';
      const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = output.split('\n').find((line) => line.startsWith('Tessera ready at'));
        if (ready) {
          clearTimeout(timer);
          resolve({ child, ready });
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  /** Ctrl-C: SIGINT to the whole process group. */
  const stop = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        // Already gone.
      }
    });
  /** Java processes serving this test's data folder (DynamoDB Local started by `npm start`). */
  const javaForDataDir = async () => {
    const { stdout } = await run('ps', ['-eo', 'args']);
    return stdout.split('\n').filter((line) => line.includes('java') && line.includes(dataDir));
  };
  const graphql = async (url: string, query: string, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts seeded, refuses a second start on its data, answers with tokens and the demo, stops cleanly and keeps its data', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await start(port);
    // A second `npm start` on the same data folder is refused and leaves the first one running.
    const secondOnSameData = await start(await freePort()).then(
      () => 'started',
      (error: Error) => error.message,
    );
    const institutions = async () =>
      (
        (await graphql(url, '{ institutions(first: 100) { nodes { id name } } }')).data
          ?.institutions as { nodes: { id: string; name: string }[] }
      ).nodes;
    const seeded = await institutions();
    const catalogue = (await graphql(url, '{ catalogue { nodes { name } } }')).data?.catalogue as {
      nodes: { name: string }[];
    };
    const { stdout: token } = await run(
      'npx',
      ['tsx', 'scripts/token.ts', '--role', 'issuer-admin'],
      {
        env,
      },
    );
    const viewer = await graphql(url, '{ viewer { roles institutionId } }', token.trim());
    const { stdout: demoOutput } = await run('npx', ['tsx', 'scripts/demo.ts'], {
      env: { ...env, TESSERA_URL: url },
      maxBuffer: 10 * 1024 * 1024,
    });
    const summary = JSON.parse(demoOutput.trim().split('\n').at(-1)!) as Record<string, unknown>;
    // What the demo made, as an outside consumer fetches it, against 1EdTech's schemas.
    const fetchJson = async (documentUrl: string) =>
      (await (
        await fetch(documentUrl, { headers: { accept: 'application/ld+json' } })
      ).json()) as Record<string, unknown>;
    const demoSchemaErrors: Record<string, string[]> = {};
    // The demo makes one credential private and shares it by link: that one is read by its link.
    const shareLink = (summary.firstHour as { shareLink?: string } | undefined)?.shareLink;
    for (const { url: documentUrl } of summary.credentials as { url: string }[])
      demoSchemaErrors[documentUrl] = schemaErrors(
        'achievementCredential',
        await fetchJson(shareLink?.startsWith(`${documentUrl}?`) ? shareLink : documentUrl),
      );
    for (const { url: documentUrl } of summary.endorsements as { url: string }[])
      demoSchemaErrors[documentUrl] = schemaErrors(
        'endorsementCredential',
        await fetchJson(documentUrl),
      );
    const transcriptUrl = (summary.transcript as { id: string }).id;
    const transcript = await fetchJson(transcriptUrl);
    demoSchemaErrors[transcriptUrl] = [
      ...schemaErrors('clrCredential', transcript),
      ...(
        transcript.credentialSubject as { verifiableCredential: unknown[] }
      ).verifiableCredential.flatMap((credential) =>
        schemaErrors('clrAchievementCredential', credential),
      ),
    ];
    const exitCode = await stop(first.child);
    const javaAfterStop = await javaForDataDir();
    const second = await start(port);
    const afterRestart = await institutions();
    await stop(second.child);

    expect(first.ready).toMatch(new RegExp(`^Tessera ready at ${url} `));
    expect(secondOnSameData).toMatch(/^exited with 1:/);
    expect(secondOnSameData).toMatch(
      new RegExp(`is in use by the Tessera platform running as process \\d+ at ${url}\\.`),
    );
    expect(secondOnSameData).not.toMatch(/\n\s+at /);
    expect(seeded.map((institution) => institution.name)).toContain('Northbridge Polytechnic');
    expect(catalogue.nodes.length).toBeGreaterThan(0);
    expect(viewer.data).toEqual({
      viewer: { roles: ['issuer-admin'], institutionId: seeded[0]!.id },
    });
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining([
        'graphql',
        'issuer',
        'microCredentials',
        'reviews',
        'endorsements',
        'credentials',
        'stacks',
      ]),
    );
    expect(summary.credentials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'micro', status: 'REVOKED' }),
        expect.objectContaining({ kind: 'stacked', status: 'ACTIVE' }),
      ]),
    );
    expect(Object.keys(demoSchemaErrors).length).toBeGreaterThan(4);
    expect(Object.values(demoSchemaErrors).flat()).toEqual([]);
    expect(exitCode).toBe(0);
    expect(javaAfterStop).toEqual([]);
    expect(afterRestart.map((institution) => institution.id)).toEqual(
      expect.arrayContaining([
        ...seeded.map((institution) => institution.id),
        (summary.issuer as { id: string }).id,
      ]),
    );
  }, 240_000);
});
