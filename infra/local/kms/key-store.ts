/**
 * The keys, aliases and tags of the local KMS endpoint, and their file. The file is rewritten
 * whole after every change (temporary file, fsync, rename) so a crash leaves either the old or
 * the new state, never half of one, and it is read back on start so that credentials signed
 * before a restart still verify against the same public keys.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';
import { KeyMaterial, supportedKeySpecs, type KeySpec } from './key-crypto';
import { KmsError } from './protocol';

/** Every local key lives in this account, the account id LocalStack and friends also use. */
export const localAccountId = '000000000000';

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

export interface Tag {
  readonly TagKey: string;
  readonly TagValue: string;
}

export interface KmsKey {
  readonly keyId: string;
  readonly arn: string;
  readonly keySpec: KeySpec;
  readonly keyUsage: 'SIGN_VERIFY';
  readonly description: string;
  readonly creationDate: Date;
  keyState: KeyState;
  deletionDate: Date | undefined;
  pendingWindowInDays: number | undefined;
  tags: Tag[];
  readonly privateKeyPem: string;
  readonly material: KeyMaterial;
}

export interface KmsAlias {
  readonly aliasName: string;
  targetKeyId: string;
  readonly creationDate: Date;
  lastUpdatedDate: Date;
}

const storeFileSchema = z.object({
  format: z.literal('tessera-local-kms'),
  version: z.literal(1),
  region: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/),
  keys: z.array(
    z.object({
      keyId: z.string().min(1),
      arn: z.string().min(1),
      keySpec: z.enum(supportedKeySpecs),
      keyUsage: z.literal('SIGN_VERIFY'),
      description: z.string(),
      creationDate: z.iso.datetime(),
      keyState: z.enum(['Enabled', 'Disabled', 'PendingDeletion']),
      deletionDate: z.iso.datetime().optional(),
      pendingWindowInDays: z.number().int().optional(),
      tags: z.array(z.object({ TagKey: z.string(), TagValue: z.string() })),
      privateKeyPkcs8: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
    }),
  ),
  aliases: z.array(
    z.object({
      aliasName: z.string().startsWith('alias/'),
      targetKeyId: z.string().min(1),
      creationDate: z.iso.datetime(),
      lastUpdatedDate: z.iso.datetime(),
    }),
  ),
});

type StoreFile = z.infer<typeof storeFileSchema>;

const keyIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const arnPattern = /^arn:aws:kms:([^:]+):([^:]+):(key|alias)\/(.+)$/;

export class KeyStore {
  /** Keys in creation order, which is also the order ListKeys pages through them. */
  readonly keys = new Map<string, KmsKey>();
  readonly aliases = new Map<string, KmsAlias>();
  private lastWrite: Promise<void> = Promise.resolve();

  private constructor(
    readonly region: string,
    private readonly storePath: string | undefined,
  ) {}

  /**
   * Opens the store at `storePath` (creating it on the first change) or, without a path, an
   * in-memory store. A file that does not parse stops the start rather than being overwritten:
   * it holds private keys that issued credentials depend on.
   */
  static async open(options: { storePath: string | undefined; region: string }): Promise<KeyStore> {
    const store = new KeyStore(options.region, options.storePath);
    if (options.storePath === undefined) return store;
    let text: string;
    try {
      text = await readFile(options.storePath, 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return store;
      throw error;
    }
    const parsed = storeFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(`${options.storePath} is not a local KMS store: ${parsed.error.message}`);
    }
    if (parsed.data.region !== options.region) {
      // Key ARNs name their region; serving them from another one would orphan every alias ARN.
      throw new Error(
        `${options.storePath} holds keys of ${parsed.data.region}, not ${options.region}`,
      );
    }
    for (const stored of parsed.data.keys) {
      store.keys.set(stored.keyId, {
        keyId: stored.keyId,
        arn: stored.arn,
        keySpec: stored.keySpec,
        keyUsage: stored.keyUsage,
        description: stored.description,
        creationDate: new Date(stored.creationDate),
        keyState: stored.keyState,
        deletionDate: stored.deletionDate === undefined ? undefined : new Date(stored.deletionDate),
        pendingWindowInDays: stored.pendingWindowInDays,
        tags: stored.tags,
        privateKeyPem: stored.privateKeyPkcs8,
        material: new KeyMaterial(stored.keySpec, stored.privateKeyPkcs8),
      });
    }
    for (const alias of parsed.data.aliases) {
      store.aliases.set(alias.aliasName, {
        aliasName: alias.aliasName,
        targetKeyId: alias.targetKeyId,
        creationDate: new Date(alias.creationDate),
        lastUpdatedDate: new Date(alias.lastUpdatedDate),
      });
    }
    return store;
  }

  newKeyId(): string {
    return randomUUID();
  }

  keyArn(keyId: string): string {
    return `arn:aws:kms:${this.region}:${localAccountId}:key/${keyId}`;
  }

  aliasArn(aliasName: string): string {
    return `arn:aws:kms:${this.region}:${localAccountId}:${aliasName}`;
  }

  /**
   * Finds the key `keyId` names. Operations that act on one key's settings (Enable/Disable,
   * tags, deletion, alias targets) take only a key id or key ARN, as in AWS; the others also take
   * an alias name or alias ARN.
   */
  resolveKey(keyId: string, { allowAlias }: { allowAlias: boolean }): KmsKey {
    const arn = arnPattern.exec(keyId);
    if (arn) {
      const [, region, account, kind, name] = arn;
      if (kind === 'alias') {
        if (!allowAlias) throw invalidKeyId(keyId);
        const aliasName = `alias/${name}`;
        if (region !== this.region || account !== localAccountId) throw aliasNotFound(keyId);
        return this.resolveAlias(aliasName);
      }
      const key = this.keys.get(name ?? '');
      if (!key || key.arn !== keyId) throw keyNotFound(keyId);
      return key;
    }
    if (keyId.startsWith('alias/')) {
      if (!allowAlias) throw invalidKeyId(keyId);
      return this.resolveAlias(keyId);
    }
    if (!keyIdPattern.test(keyId)) throw invalidKeyId(keyId);
    const key = this.keys.get(keyId);
    if (!key) throw keyNotFound(this.keyArn(keyId));
    return key;
  }

  private resolveAlias(aliasName: string): KmsKey {
    const alias = this.aliases.get(aliasName);
    const key = alias && this.keys.get(alias.targetKeyId);
    if (!key) throw aliasNotFound(this.aliasArn(aliasName));
    return key;
  }

  /**
   * Deletes keys whose waiting period is over, with their aliases, as KMS does when the
   * scheduled deletion date passes. Returns whether anything was deleted.
   */
  purgeExpired(now: Date): boolean {
    let purged = false;
    for (const key of [...this.keys.values()]) {
      if (key.keyState === 'PendingDeletion' && key.deletionDate && key.deletionDate <= now) {
        this.keys.delete(key.keyId);
        for (const alias of [...this.aliases.values()]) {
          if (alias.targetKeyId === key.keyId) this.aliases.delete(alias.aliasName);
        }
        purged = true;
      }
    }
    return purged;
  }

  /**
   * Writes the whole store. Writes are queued so that they land in the order the changes were
   * made; a failed write does not stop the next one from trying again with the newer state.
   */
  save(): Promise<void> {
    const path = this.storePath;
    if (path === undefined) return Promise.resolve();
    const text = `${JSON.stringify(this.toFile(), null, 2)}\n`;
    const write = this.lastWrite.catch(() => undefined).then(() => writeAtomically(path, text));
    this.lastWrite = write;
    return write;
  }

  /** Resolves once every queued write has finished (used when the server closes). */
  async flushed(): Promise<void> {
    await this.lastWrite.catch(() => undefined);
  }

  private toFile(): StoreFile {
    return {
      format: 'tessera-local-kms',
      version: 1,
      region: this.region,
      accountId: localAccountId,
      keys: [...this.keys.values()].map((key) => ({
        keyId: key.keyId,
        arn: key.arn,
        keySpec: key.keySpec,
        keyUsage: key.keyUsage,
        description: key.description,
        creationDate: key.creationDate.toISOString(),
        keyState: key.keyState,
        deletionDate: key.deletionDate?.toISOString(),
        pendingWindowInDays: key.pendingWindowInDays,
        tags: key.tags,
        privateKeyPkcs8: key.privateKeyPem,
      })),
      aliases: [...this.aliases.values()].map((alias) => ({
        aliasName: alias.aliasName,
        targetKeyId: alias.targetKeyId,
        creationDate: alias.creationDate.toISOString(),
        lastUpdatedDate: alias.lastUpdatedDate.toISOString(),
      })),
    };
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    // 0600: the file holds private keys.
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

// The messages below are the ones AWS KMS returns for the same mistakes.

function invalidKeyId(keyId: string): KmsError {
  return new KmsError('NotFoundException', `Invalid keyId ${keyId}`);
}

function keyNotFound(arn: string): KmsError {
  return new KmsError('NotFoundException', `Key '${arn}' does not exist`);
}

function aliasNotFound(aliasArn: string): KmsError {
  return new KmsError('NotFoundException', `Alias ${aliasArn} is not found.`);
}
