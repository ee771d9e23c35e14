import {
  constants,
  createPrivateKey,
  privateEncrypt,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

/**
 * A KMS-compatible endpoint for local runs and tests. No KMS emulator exists on npm, so this
 * speaks the subset of the AWS KMS JSON 1.1 protocol Tessera uses (CreateKey, DescribeKey,
 * GetPublicKey, Sign, Verify, ListKeys, aliases, tags, enable/disable, scheduled deletion),
 * returning exactly the formats AWS KMS returns: DER SubjectPublicKeyInfo public keys, raw
 * 64-byte Ed25519 signatures, DER ECDSA signatures. The real @aws-sdk/client-kms talks to it
 * through an endpoint override. Keys persist in a JSON file so restarts keep old credentials
 * verifiable. SigV4 signatures are not checked (loopback only).
 */

type KeySpec = 'ECC_NIST_EDWARDS25519' | 'RSA_2048' | 'RSA_3072' | 'RSA_4096' | 'ECC_NIST_P256';
type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

interface StoredKey {
  keyId: string;
  arn: string;
  keySpec: KeySpec;
  keyUsage: 'SIGN_VERIFY';
  description: string;
  state: KeyState;
  createdAt: number;
  deletionDate?: number;
  tags: Record<string, string>;
  privateKeyPem: string;
}

interface Store {
  keys: Record<string, StoredKey>;
  /** alias name → key id */
  aliases: Record<string, string>;
}

const signingAlgorithms: Record<KeySpec, string[]> = {
  ECC_NIST_EDWARDS25519: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'],
  RSA_2048: rsaAlgorithms(),
  RSA_3072: rsaAlgorithms(),
  RSA_4096: rsaAlgorithms(),
  ECC_NIST_P256: ['ECDSA_SHA_256'],
};

function rsaAlgorithms() {
  return [
    'RSASSA_PSS_SHA_256',
    'RSASSA_PSS_SHA_384',
    'RSASSA_PSS_SHA_512',
    'RSASSA_PKCS1_V1_5_SHA_256',
    'RSASSA_PKCS1_V1_5_SHA_384',
    'RSASSA_PKCS1_V1_5_SHA_512',
  ];
}

/** Errors the way KMS reports them: `__type` names the exception the SDK throws. */
class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type FaultError =
  | 'ThrottlingException'
  | 'KMSInternalException'
  | 'DependencyTimeoutException'
  | 'DisabledException';

export interface Fault {
  /** Operation name (e.g. `Sign`) or `*` for every operation. */
  readonly operation: string;
  readonly error: FaultError;
  /** How many calls fail; absent means until cleared. */
  readonly times?: number;
}

/** Failures tests inject to prove retries and atomicity hold. */
export class KmsFaults {
  private faults: { operation: string; error: FaultError; remaining: number }[] = [];

  inject(fault: Fault): void {
    this.faults.push({
      operation: fault.operation,
      error: fault.error,
      remaining: fault.times ?? Infinity,
    });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault to raise for this call, if any (consumes one use). */
  take(operation: string): FaultError | null {
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.operation === operation || candidate.operation === '*'),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    return fault.error;
  }
}

export interface LocalKms {
  readonly url: string;
  readonly faults: KmsFaults;
  /** Calls per operation since start. */
  stats(): Record<string, number>;
  close(): Promise<void>;
}

const faultStatus: Record<FaultError, number> = {
  ThrottlingException: 400,
  KMSInternalException: 500,
  DependencyTimeoutException: 503,
  DisabledException: 400,
};

/** Starts the endpoint on loopback (port 0 = any free port); keys persist in `storePath`. */
export async function startKmsServer(
  options: { host?: string; port?: number; storePath?: string; region?: string } = {},
): Promise<LocalKms> {
  const region = options.region ?? 'us-east-1';
  const account = '000000000000';
  const store: Store = loadStore(options.storePath);
  const privateKeys = new Map<string, KeyObject>();
  const counts: Record<string, number> = {};
  const faults = new KmsFaults();

  const persist = () => {
    if (!options.storePath) return;
    mkdirSync(dirname(options.storePath), { recursive: true });
    const temporary = `${options.storePath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(store), { mode: 0o600 });
    renameSync(temporary, options.storePath);
  };

  const privateKeyOf = (key: StoredKey) => {
    let object = privateKeys.get(key.keyId);
    if (!object) {
      object = createPrivateKey(key.privateKeyPem);
      privateKeys.set(key.keyId, object);
    }
    return object;
  };

  /** Resolves a key id, key ARN, alias name or alias ARN, as KMS does. */
  const resolve = (keyIdInput: unknown): StoredKey => {
    if (typeof keyIdInput !== 'string' || keyIdInput.length === 0 || keyIdInput.length > 2048) {
      throw new KmsError('ValidationException', 'KeyId is required.');
    }
    let keyId = keyIdInput;
    const aliasArn = /^arn:aws:kms:[^:]+:\d+:(alias\/.+)$/.exec(keyIdInput);
    const keyArn = /^arn:aws:kms:[^:]+:\d+:key\/(.+)$/.exec(keyIdInput);
    if (aliasArn) keyId = store.aliases[aliasArn[1]!] ?? '';
    else if (keyArn) keyId = keyArn[1]!;
    else if (keyIdInput.startsWith('alias/')) keyId = store.aliases[keyIdInput] ?? '';
    const key = store.keys[keyId];
    if (!key) throw new KmsError('NotFoundException', `Key '${keyIdInput}' does not exist`);
    return key;
  };

  const metadata = (key: StoredKey) => ({
    AWSAccountId: account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.createdAt / 1000,
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    ...(key.deletionDate ? { DeletionDate: key.deletionDate / 1000 } : {}),
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    SigningAlgorithms: signingAlgorithms[key.keySpec],
    MultiRegion: false,
  });

  const usable = (key: StoredKey) => {
    if (key.state === 'Disabled')
      throw new KmsError('DisabledException', `${key.arn} is disabled.`);
    if (key.state === 'PendingDeletion')
      throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
  };

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    CreateKey(body) {
      const keySpec = (body.KeySpec ?? body.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT') as string;
      if (!(keySpec in signingAlgorithms)) {
        throw new KmsError(
          'UnsupportedOperationException',
          `KeySpec ${keySpec} is not supported by the local endpoint.`,
        );
      }
      if (body.KeyUsage !== undefined && body.KeyUsage !== 'SIGN_VERIFY') {
        throw new KmsError(
          'ValidationException',
          `KeyUsage ${JSON.stringify(body.KeyUsage)} is not valid for ${keySpec}.`,
        );
      }
      const keyId = randomUUID();
      const key: StoredKey = {
        keyId,
        arn: `arn:aws:kms:${region}:${account}:key/${keyId}`,
        keySpec: keySpec as KeySpec,
        keyUsage: 'SIGN_VERIFY',
        description: typeof body.Description === 'string' ? body.Description : '',
        state: 'Enabled',
        createdAt: Date.now(),
        tags: tagMap(body.Tags),
        privateKeyPem: generatePrivateKey(keySpec as KeySpec),
      };
      store.keys[keyId] = key;
      persist();
      return { KeyMetadata: metadata(key) };
    },
    DescribeKey(body) {
      return { KeyMetadata: metadata(resolve(body.KeyId)) };
    },
    GetPublicKey(body) {
      const key = resolve(body.KeyId);
      usable(key);
      const der = createPublicKey(privateKeyOf(key)).export({ format: 'der', type: 'spki' });
      return {
        KeyId: key.arn,
        PublicKey: der.toString('base64'),
        CustomerMasterKeySpec: key.keySpec,
        KeySpec: key.keySpec,
        KeyUsage: key.keyUsage,
        SigningAlgorithms: signingAlgorithms[key.keySpec],
      };
    },
    Sign(body) {
      const key = resolve(body.KeyId);
      usable(key);
      const { algorithm, message, messageType } = signingInput(key, body);
      return {
        KeyId: key.arn,
        Signature: signWith(privateKeyOf(key), algorithm, message, messageType).toString('base64'),
        SigningAlgorithm: algorithm,
      };
    },
    Verify(body) {
      const key = resolve(body.KeyId);
      usable(key);
      const { algorithm, message, messageType } = signingInput(key, body);
      const signature = Buffer.from(
        typeof body.Signature === 'string' ? body.Signature : '',
        'base64',
      );
      if (
        !verifyWith(createPublicKey(privateKeyOf(key)), algorithm, message, messageType, signature)
      ) {
        throw new KmsError('KMSInvalidSignatureException', 'The signature is not valid.');
      }
      return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
    },
    ListKeys(body) {
      const all = Object.values(store.keys).sort(
        (a, b) => a.createdAt - b.createdAt || a.keyId.localeCompare(b.keyId),
      );
      return paginate(all, body, (key) => ({ KeyId: key.keyId, KeyArn: key.arn }), 'Keys');
    },
    CreateAlias(body) {
      const name = aliasName(body.AliasName);
      if (store.aliases[name])
        throw new KmsError(
          'AlreadyExistsException',
          `An alias with the name ${name} already exists`,
        );
      const key = resolve(body.TargetKeyId);
      store.aliases[name] = key.keyId;
      persist();
      return {};
    },
    UpdateAlias(body) {
      const name = aliasName(body.AliasName);
      if (!store.aliases[name])
        throw new KmsError('NotFoundException', `Alias ${name} does not exist`);
      store.aliases[name] = resolve(body.TargetKeyId).keyId;
      persist();
      return {};
    },
    DeleteAlias(body) {
      const name = aliasName(body.AliasName);
      if (!store.aliases[name])
        throw new KmsError('NotFoundException', `Alias ${name} does not exist`);
      delete store.aliases[name];
      persist();
      return {};
    },
    ListAliases(body) {
      const filter = body.KeyId ? resolve(body.KeyId).keyId : null;
      const all = Object.entries(store.aliases)
        .filter(([, keyId]) => !filter || keyId === filter)
        .sort(([a], [b]) => a.localeCompare(b));
      return paginate(
        all,
        body,
        ([name, keyId]) => ({
          AliasName: name,
          AliasArn: `arn:aws:kms:${region}:${account}:${name}`,
          TargetKeyId: keyId,
        }),
        'Aliases',
      );
    },
    TagResource(body) {
      const key = resolve(body.KeyId);
      Object.assign(key.tags, tagMap(body.Tags));
      persist();
      return {};
    },
    UntagResource(body) {
      const key = resolve(body.KeyId);
      for (const tagKey of Array.isArray(body.TagKeys) ? body.TagKeys : [])
        delete key.tags[String(tagKey)];
      persist();
      return {};
    },
    ListResourceTags(body) {
      const key = resolve(body.KeyId);
      return {
        Tags: Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        Truncated: false,
      };
    },
    EnableKey(body) {
      const key = resolve(body.KeyId);
      if (key.state === 'PendingDeletion')
        throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
      key.state = 'Enabled';
      persist();
      return {};
    },
    DisableKey(body) {
      const key = resolve(body.KeyId);
      if (key.state === 'PendingDeletion')
        throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
      key.state = 'Disabled';
      persist();
      return {};
    },
    ScheduleKeyDeletion(body) {
      const key = resolve(body.KeyId);
      const days = typeof body.PendingWindowInDays === 'number' ? body.PendingWindowInDays : 30;
      if (days < 7 || days > 30)
        throw new KmsError('ValidationException', 'PendingWindowInDays must be between 7 and 30.');
      key.state = 'PendingDeletion';
      key.deletionDate = Date.now() + days * 86_400_000;
      persist();
      return {
        KeyId: key.arn,
        DeletionDate: key.deletionDate / 1000,
        KeyState: key.state,
        PendingWindowInDays: days,
      };
    },
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      writeJson(response, 500, { __type: 'KMSInternalException', message: String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request);
    if (request.url?.startsWith('/__local/faults')) {
      if (request.method === 'DELETE') faults.clear();
      else faults.inject(JSON.parse(body.toString('utf8') || '{}') as Fault);
      writeJson(response, 200, {});
      return;
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('TrentService.')
      ? target.slice('TrentService.'.length)
      : '';
    const run = operations[operation];
    if (request.method !== 'POST' || !run) {
      writeJson(response, 400, {
        __type: 'UnknownOperationException',
        message: `Unsupported operation ${operation || '(none)'}`,
      });
      return;
    }
    counts[operation] = (counts[operation] ?? 0) + 1;
    const fault = faults.take(operation);
    if (fault) {
      writeJson(response, faultStatus[fault], {
        __type: fault,
        message: `Injected ${fault} on ${operation}`,
      });
      return;
    }
    try {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new KmsError('SerializationException', 'The request body is not valid JSON.');
      }
      writeJson(response, 200, run(input));
    } catch (error) {
      if (error instanceof KmsError)
        writeJson(response, error.status, { __type: error.type, message: error.message });
      else throw error;
    }
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    faults,
    stats: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

function loadStore(path: string | undefined): Store {
  if (!path) return { keys: {}, aliases: {} };
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Store;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys: {}, aliases: {} };
    throw error;
  }
}

function generatePrivateKey(spec: KeySpec): string {
  const pair =
    spec === 'ECC_NIST_EDWARDS25519'
      ? generateKeyPairSync('ed25519')
      : spec === 'ECC_NIST_P256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: Number(spec.slice(4)) });
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function tagMap(tags: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of Array.isArray(tags)
    ? (tags as { TagKey?: unknown; TagValue?: unknown }[])
    : []) {
    if (typeof tag.TagKey === 'string')
      map[tag.TagKey] = typeof tag.TagValue === 'string' ? tag.TagValue : '';
  }
  return map;
}

function aliasName(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !/^alias\/[a-zA-Z0-9:/_-]{1,250}$/.test(value) ||
    value.startsWith('alias/aws/')
  ) {
    throw new KmsError('ValidationException', `Alias name ${String(value)} is not valid.`);
  }
  return value;
}

function paginate<T>(
  all: T[],
  body: Record<string, unknown>,
  map: (item: T) => unknown,
  field: string,
) {
  const limit = typeof body.Limit === 'number' ? Math.min(Math.max(body.Limit, 1), 1000) : 100;
  const start = typeof body.Marker === 'string' ? Number(body.Marker) : 0;
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    [field]: page.map(map),
    Truncated: more,
    ...(more ? { NextMarker: String(start + limit) } : {}),
  };
}

const hashes: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const digestLengths: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };

function signingInput(key: StoredKey, body: Record<string, unknown>) {
  const algorithm = typeof body.SigningAlgorithm === 'string' ? body.SigningAlgorithm : '';
  if (!signingAlgorithms[key.keySpec].includes(algorithm)) {
    throw new KmsError(
      'InvalidKeyUsageException',
      `${algorithm} is not a valid signing algorithm for ${key.keySpec}.`,
    );
  }
  const message = Buffer.from(typeof body.Message === 'string' ? body.Message : '', 'base64');
  const messageType = body.MessageType === 'DIGEST' ? 'DIGEST' : 'RAW';
  if (message.length === 0) throw new KmsError('ValidationException', 'Message must not be empty.');
  if (messageType === 'RAW' && message.length > 4096) {
    throw new KmsError(
      'ValidationException',
      'Message must be 4096 bytes or less; send a digest with MessageType DIGEST.',
    );
  }
  if (algorithm === 'ED25519_SHA_512' && messageType !== 'RAW') {
    throw new KmsError('ValidationException', 'ED25519_SHA_512 requires MessageType RAW.');
  }
  if (algorithm === 'ED25519_PH_SHA_512' && messageType !== 'DIGEST') {
    throw new KmsError('ValidationException', 'ED25519_PH_SHA_512 requires MessageType DIGEST.');
  }
  if (messageType === 'DIGEST') {
    const hash = hashOf(algorithm);
    if (hash && message.length !== digestLengths[hash]) {
      throw new KmsError(
        'ValidationException',
        `Digest length must be ${digestLengths[hash]} bytes for ${algorithm}.`,
      );
    }
  }
  return { algorithm, message, messageType };
}

function hashOf(algorithm: string): string | undefined {
  return hashes[/(256|384|512)$/.exec(algorithm)?.[1] ?? ''];
}

function signWith(key: KeyObject, algorithm: string, message: Buffer, messageType: string): Buffer {
  if (algorithm === 'ED25519_SHA_512') return cryptoSign(null, message, key);
  if (algorithm === 'ED25519_PH_SHA_512') {
    throw new KmsError(
      'UnsupportedOperationException',
      'ED25519_PH_SHA_512 is not supported by the local endpoint.',
    );
  }
  const hash = hashOf(algorithm)!;
  const options = algorithm.includes('PSS')
    ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: digestLengths[hash] }
    : algorithm.startsWith('ECDSA')
      ? { key, dsaEncoding: 'der' as const }
      : { key };
  if (messageType === 'DIGEST') return signDigest(key, algorithm, message, hash);
  return cryptoSign(hash, message, options);
}

/** Signing a precomputed digest: node:crypto signs messages, so RSA/ECDSA digests go raw. */
function signDigest(key: KeyObject, algorithm: string, digest: Buffer, hash: string): Buffer {
  if (algorithm.startsWith('RSASSA_PKCS1')) {
    // PKCS#1 v1.5 DigestInfo prefixes (RFC 8017 §9.2, note 1).
    const prefixes: Record<string, string> = {
      sha256: '3031300d060960864801650304020105000420',
      sha384: '3041300d060960864801650304020205000430',
      sha512: '3051300d060960864801650304020305000440',
    };
    // EMSA-PKCS1-v1_5 over a given digest is the RSA private operation on DigestInfo.
    return privateEncrypt(
      { key, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([Buffer.from(prefixes[hash]!, 'hex'), digest]),
    );
  }
  throw new KmsError(
    'UnsupportedOperationException',
    `MessageType DIGEST with ${algorithm} is not supported by the local endpoint.`,
  );
}

function verifyWith(
  key: KeyObject,
  algorithm: string,
  message: Buffer,
  messageType: string,
  signature: Buffer,
): boolean {
  try {
    if (algorithm === 'ED25519_SHA_512') return cryptoVerify(null, message, key, signature);
    const hash = hashOf(algorithm)!;
    if (messageType === 'DIGEST') {
      throw new KmsError(
        'UnsupportedOperationException',
        'Verify with MessageType DIGEST is not supported by the local endpoint.',
      );
    }
    const options = algorithm.includes('PSS')
      ? { key, padding: 6, saltLength: digestLengths[hash] }
      : algorithm.startsWith('ECDSA')
        ? { key, dsaEncoding: 'der' as const }
        : { key };
    return cryptoVerify(hash, message, options, signature);
  } catch (error) {
    if (error instanceof KmsError) throw error;
    return false;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function writeJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
