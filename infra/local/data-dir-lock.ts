import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What the lock file says about the platform that holds a data folder. */
interface LockHolder {
  readonly pid: number;
  readonly url?: string;
}

/**
 * A second platform on a data folder in use. Without the lock it would take over the first
 * one's DynamoDB Local (stopping it as a crashed run's leftover) and both would write the KMS
 * key store, so the running platform would fail every request.
 */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';

  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is in use by the Tessera platform running as process ` +
        `${holder.pid}${holder.url ? ` at ${holder.url}` : ''}. Use that platform ` +
        '(TESSERA_URL), stop it first, or set TESSERA_DATA_DIR to another folder.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** Records where the platform answers, for the message a second platform gets. */
  announce(url: string): void;
  release(): void;
}

const lockFileName = 'platform.lock';

/**
 * Claims `dataDir` for this process, or throws {@link DataDirInUseError} while another live
 * process holds it. A lock left by a process that is gone (killed, crashed) is taken over.
 */
export function claimDataDir(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, lockFileName);
  const write = (holder: LockHolder) => writeFileSync(path, JSON.stringify(holder));
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = readHolder(path);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid))
      throw new DataDirInUseError(folder, holder);
    unlinkSync(path);
  }
  let released = false;
  return {
    announce: (url) => {
      if (!released) write({ pid: process.pid, url });
    },
    release: () => {
      if (released) return;
      released = true;
      if (readHolder(path)?.pid === process.pid) unlinkSync(path);
    },
  };
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' ? (holder as LockHolder) : undefined;
  } catch {
    // Missing, or half written by a process killed mid-write: nobody holds it.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A `catch` for starting a local platform from the command line: a data folder in use is
 * reported with `print` (no stack trace) and ends the process; any other error is rethrown.
 */
export function exitIfDataDirInUse(print: (message: string) => void) {
  return (error: unknown): never => {
    if (!(error instanceof DataDirInUseError)) throw error;
    print(error.message);
    process.exit(1);
  };
}
