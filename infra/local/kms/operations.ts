/**
 * The KMS operations the endpoint serves, each reading its request the way AWS validates it and
 * answering with AWS's response members. Only what Tessera and its tests call is here; other
 * targets get `UnknownOperationException` from the server.
 */
import {
  awsKeySpecs,
  checkMessageType,
  generatePrivateKey,
  KeyMaterial,
  keyUsagesFor,
  messageTypes,
  signingAlgorithmsFor,
  supportedKeySpecs,
  awsSigningAlgorithms,
} from './key-crypto';
import type { KmsOperation } from './faults';
import { localAccountId, type KeyStore, type KmsAlias, type KmsKey, type Tag } from './key-store';
import type { RequestReader } from './protocol';
import { KmsError, isOneOf, validationError } from './protocol';

export interface OperationContext {
  readonly store: KeyStore;
  /** The time of the request; tests of deletion windows depend on reading it once. */
  readonly now: Date;
}

type Output = Record<string, unknown> | undefined;
type Operation = (request: RequestReader, context: OperationContext) => Promise<Output> | Output;

const keyUsageTypes = [
  'SIGN_VERIFY',
  'ENCRYPT_DECRYPT',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
  'ENCAPSULATE_DECAPSULATE',
] as const;
const originTypes = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

const keyIdRules = { min: 1, max: 2048 };
const aliasNameRules = { min: 1, max: 256, pattern: /^[a-zA-Z0-9:/_-]+$/ };
const markerRules = { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ };
/** AWS tag keys and values: Unicode letters, digits, white space and `_ . : / = + - @`. */
const tagCharacters = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const maxTagsPerKey = 50;
/** Sign and Verify take at most this many bytes of message, RAW or DIGEST. */
const maxMessageBytes = 4096;

export const operations: Readonly<Record<KmsOperation, Operation>> = {
  async CreateKey(request, { store, now }) {
    request.optionalString('Policy', { min: 1, max: 131072 });
    const description = request.optionalString('Description', { min: 0, max: 8192 }) ?? '';
    const keyUsage = request.optionalEnum('KeyUsage', keyUsageTypes) ?? 'ENCRYPT_DECRYPT';
    const legacySpec = request.optionalEnum('CustomerMasterKeySpec', awsKeySpecs);
    const requestedSpec = request.optionalEnum('KeySpec', awsKeySpecs);
    const origin = request.optionalEnum('Origin', originTypes) ?? 'AWS_KMS';
    const customKeyStoreId = request.optionalString('CustomKeyStoreId', { min: 1, max: 64 });
    request.optionalBoolean('BypassPolicyLockoutSafetyCheck');
    const multiRegion = request.optionalBoolean('MultiRegion') ?? false;
    const tags = readTags(request, 'Tags') ?? [];
    if (legacySpec !== undefined && requestedSpec !== undefined) {
      throw validationError(
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec parameter is deprecated. Use KeySpec only.',
      );
    }
    const keySpec = requestedSpec ?? legacySpec ?? 'SYMMETRIC_DEFAULT';
    if (origin !== 'AWS_KMS' || customKeyStoreId !== undefined || multiRegion) {
      throw unsupported('keys with imported, custom-store or multi-Region key material');
    }
    if (!isOneOf(keySpec, supportedKeySpecs)) throw unsupported(`key spec ${keySpec}`);
    if (!keyUsagesFor[keySpec].includes(keyUsage)) {
      throw validationError(`KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}.`);
    }
    if (keyUsage !== 'SIGN_VERIFY') throw unsupported(`${keyUsage} keys`);
    checkTagLimit(tags);

    const privateKeyPem = await generatePrivateKey(keySpec);
    const keyId = store.newKeyId();
    const key: KmsKey = {
      keyId,
      arn: store.keyArn(keyId),
      keySpec,
      keyUsage,
      description,
      creationDate: now,
      keyState: 'Enabled',
      deletionDate: undefined,
      pendingWindowInDays: undefined,
      tags,
      privateKeyPem,
      material: new KeyMaterial(keySpec, privateKeyPem),
    };
    store.keys.set(keyId, key);
    await store.save();
    return { KeyMetadata: keyMetadata(key) };
  },

  DescribeKey(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: true });
    request.optionalStringList('GrantTokens');
    return { KeyMetadata: keyMetadata(key) };
  },

  GetPublicKey(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: true });
    request.optionalStringList('GrantTokens');
    requireUsable(key);
    return {
      KeyId: key.arn,
      PublicKey: key.material.publicKeySpki.toString('base64'),
      CustomerMasterKeySpec: key.keySpec,
      KeySpec: key.keySpec,
      KeyUsage: key.keyUsage,
      SigningAlgorithms: signingAlgorithmsFor[key.keySpec],
    };
  },

  Sign(request, { store }) {
    const { key, algorithm, messageType, message } = readSigningRequest(request, store);
    const signature = key.material.sign(algorithm, messageType, message);
    return {
      KeyId: key.arn,
      Signature: signature.toString('base64'),
      SigningAlgorithm: algorithm,
    };
  },

  Verify(request, { store }) {
    const signature = request.blob('Signature', { min: 1, max: 6144 });
    const { key, algorithm, messageType, message } = readSigningRequest(request, store);
    if (!key.material.verify(algorithm, messageType, message, signature)) {
      throw new KmsError('KMSInvalidSignatureException', 'The signature is not valid.');
    }
    return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
  },

  ListKeys(request, { store }) {
    const limit = request.optionalInteger('Limit', { min: 1, max: 1000 }) ?? 100;
    const marker = request.optionalString('Marker', markerRules);
    const { page, ...rest } = paginate([...store.keys.values()], (key) => key.keyId, {
      limit,
      marker,
    });
    return { Keys: page.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })), ...rest };
  },

  async CreateAlias(request, { store, now }) {
    const aliasName = readAliasName(request);
    const target = store.resolveKey(request.string('TargetKeyId', keyIdRules), {
      allowAlias: false,
    });
    requireNotPendingDeletion(target);
    if (store.aliases.has(aliasName)) {
      throw new KmsError(
        'AlreadyExistsException',
        `An alias with the name ${store.aliasArn(aliasName)} already exists`,
      );
    }
    store.aliases.set(aliasName, {
      aliasName,
      targetKeyId: target.keyId,
      creationDate: now,
      lastUpdatedDate: now,
    });
    await store.save();
    return undefined;
  },

  async UpdateAlias(request, { store, now }) {
    const aliasName = readAliasName(request);
    const target = store.resolveKey(request.string('TargetKeyId', keyIdRules), {
      allowAlias: false,
    });
    const alias = findAlias(store, aliasName);
    requireNotPendingDeletion(target);
    // AWS also demands the same key type and usage; every key here is asymmetric SIGN_VERIFY.
    alias.targetKeyId = target.keyId;
    alias.lastUpdatedDate = now;
    await store.save();
    return undefined;
  },

  async DeleteAlias(request, { store }) {
    const aliasName = readAliasName(request);
    findAlias(store, aliasName);
    store.aliases.delete(aliasName);
    await store.save();
    return undefined;
  },

  ListAliases(request, { store }) {
    const keyId = request.optionalString('KeyId', keyIdRules);
    const limit = request.optionalInteger('Limit', { min: 1, max: 100 }) ?? 50;
    const marker = request.optionalString('Marker', markerRules);
    const target = keyId === undefined ? undefined : store.resolveKey(keyId, { allowAlias: false });
    const aliases = [...store.aliases.values()]
      .filter((alias) => target === undefined || alias.targetKeyId === target.keyId)
      .sort((left, right) => left.aliasName.localeCompare(right.aliasName));
    const { page, ...rest } = paginate(aliases, (alias) => alias.aliasName, { limit, marker });
    return { Aliases: page.map((alias) => aliasListEntry(store, alias)), ...rest };
  },

  async TagResource(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    const tags = readTags(request, 'Tags') ?? notNull('Tags');
    requireNotPendingDeletion(key);
    const merged = new Map(key.tags.map((tag) => [tag.TagKey, tag.TagValue]));
    for (const tag of tags) merged.set(tag.TagKey, tag.TagValue);
    const updated = [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    checkTagLimit(updated);
    key.tags = updated;
    await store.save();
    return undefined;
  },

  async UntagResource(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    const tagKeys = request.optionalStringList('TagKeys') ?? notNull('TagKeys');
    requireNotPendingDeletion(key);
    key.tags = key.tags.filter((tag) => !tagKeys.includes(tag.TagKey));
    await store.save();
    return undefined;
  },

  ListResourceTags(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    const limit = request.optionalInteger('Limit', { min: 1, max: 50 }) ?? 50;
    const marker = request.optionalString('Marker', markerRules);
    const { page, ...rest } = paginate(key.tags, (tag) => tag.TagKey, { limit, marker });
    return { Tags: page, ...rest };
  },

  async EnableKey(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    requireNotPendingDeletion(key);
    key.keyState = 'Enabled';
    await store.save();
    return undefined;
  },

  async DisableKey(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    requireNotPendingDeletion(key);
    key.keyState = 'Disabled';
    await store.save();
    return undefined;
  },

  async ScheduleKeyDeletion(request, { store, now }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    const days = request.optionalInteger('PendingWindowInDays', { min: 7, max: 30 }) ?? 30;
    requireNotPendingDeletion(key);
    key.keyState = 'PendingDeletion';
    key.deletionDate = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    key.pendingWindowInDays = days;
    await store.save();
    return {
      KeyId: key.arn,
      DeletionDate: epochSeconds(key.deletionDate),
      KeyState: key.keyState,
      PendingWindowInDays: days,
    };
  },

  async CancelKeyDeletion(request, { store }) {
    const key = store.resolveKey(request.string('KeyId', keyIdRules), { allowAlias: false });
    if (key.keyState !== 'PendingDeletion') {
      throw new KmsError('KMSInvalidStateException', `${key.arn} is not pending deletion.`);
    }
    // A key rescued from deletion comes back disabled, so it cannot sign until enabled on purpose.
    key.keyState = 'Disabled';
    key.deletionDate = undefined;
    key.pendingWindowInDays = undefined;
    await store.save();
    return { KeyId: key.arn };
  },
};

/** The JSON protocol sends timestamps as (fractional) seconds since the epoch. */
function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function keyMetadata(key: KmsKey): Record<string, unknown> {
  return {
    AWSAccountId: localAccountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epochSeconds(key.creationDate),
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.keyState,
    ...(key.deletionDate && { DeletionDate: epochSeconds(key.deletionDate) }),
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    SigningAlgorithms: signingAlgorithmsFor[key.keySpec],
    MultiRegion: false,
  };
}

function aliasListEntry(store: KeyStore, alias: KmsAlias): Record<string, unknown> {
  return {
    AliasName: alias.aliasName,
    AliasArn: store.aliasArn(alias.aliasName),
    TargetKeyId: alias.targetKeyId,
    CreationDate: epochSeconds(alias.creationDate),
    LastUpdatedDate: epochSeconds(alias.lastUpdatedDate),
  };
}

/**
 * Reads what Sign and Verify share, checking in AWS's order: the request's shape, the key, its
 * state, the algorithm against the key spec, then the message against the algorithm.
 */
function readSigningRequest(request: RequestReader, store: KeyStore) {
  const keyId = request.string('KeyId', keyIdRules);
  const message = request.blob('Message', { min: 1, max: maxMessageBytes });
  const requestedType = request.optionalEnum('MessageType', messageTypes) ?? 'RAW';
  const algorithm = request.enum('SigningAlgorithm', awsSigningAlgorithms);
  request.optionalStringList('GrantTokens');
  const dryRun = request.optionalBoolean('DryRun') ?? false;

  const key = store.resolveKey(keyId, { allowAlias: true });
  requireUsable(key);
  // Every key here is SIGN_VERIFY (CreateKey makes no others), so only the algorithm can misfit.
  if (!signingAlgorithmsFor[key.keySpec].includes(algorithm)) {
    throw new KmsError(
      'InvalidKeyUsageException',
      `Algorithm ${algorithm} is incompatible with key spec ${key.keySpec}.`,
    );
  }
  const messageType = checkMessageType(algorithm, requestedType, message);
  if (dryRun) {
    throw new KmsError(
      'DryRunOperationException',
      'The request would have succeeded, but the DryRun option is set.',
    );
  }
  return { key, algorithm, messageType, message };
}

/** Disabled keys and keys pending deletion refuse cryptographic operations, each its own way. */
function requireUsable(key: KmsKey): void {
  if (key.keyState === 'Disabled') {
    throw new KmsError('DisabledException', `${key.arn} is disabled.`);
  }
  requireNotPendingDeletion(key);
}

function requireNotPendingDeletion(key: KmsKey): void {
  if (key.keyState === 'PendingDeletion') {
    throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
  }
}

function readAliasName(request: RequestReader): string {
  const aliasName = request.string('AliasName', aliasNameRules);
  if (!aliasName.startsWith('alias/') || aliasName === 'alias/') {
    throw new KmsError('InvalidAliasNameException', 'Alias must start with the prefix "alias/".');
  }
  if (aliasName.startsWith('alias/aws/')) {
    throw new KmsError(
      'InvalidAliasNameException',
      'Alias names that begin with "alias/aws/" are reserved for AWS managed keys.',
    );
  }
  return aliasName;
}

function findAlias(store: KeyStore, aliasName: string): KmsAlias {
  const alias = store.aliases.get(aliasName);
  if (!alias) {
    throw new KmsError('NotFoundException', `Alias ${store.aliasArn(aliasName)} is not found.`);
  }
  return alias;
}

function readTags(request: RequestReader, member: string): Tag[] | undefined {
  const tags = request.optionalList(member, (tag) => ({
    TagKey: tag.string('TagKey', { min: 1, max: 128 }),
    TagValue: tag.string('TagValue', { min: 0, max: 256 }),
  }));
  if (tags === undefined) return undefined;
  const seen = new Set<string>();
  for (const { TagKey, TagValue } of tags) {
    if (!tagCharacters.test(TagKey) || !tagCharacters.test(TagValue)) {
      throw new KmsError('TagException', `Tag ${TagKey} contains characters tags do not allow.`);
    }
    if (TagKey.startsWith('aws:')) {
      throw new KmsError('TagException', 'Tags beginning with aws: are reserved.');
    }
    if (seen.has(TagKey)) throw new KmsError('TagException', `Duplicate tag key ${TagKey}.`);
    seen.add(TagKey);
  }
  return tags;
}

function checkTagLimit(tags: readonly Tag[]): void {
  if (tags.length > maxTagsPerKey) {
    throw new KmsError('TagException', `A key can have at most ${maxTagsPerKey} tags.`);
  }
}

function notNull(member: string): never {
  const field = member.charAt(0).toLowerCase() + member.slice(1);
  throw validationError(
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );
}

function unsupported(what: string): KmsError {
  return new KmsError(
    'UnsupportedOperationException',
    `The local KMS endpoint does not implement ${what}.`,
  );
}

/**
 * One page of a listing. The marker names the last item returned, so a page stays correct when
 * items are added between calls; it is opaque to callers, as AWS's is.
 */
function paginate<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  { limit, marker }: { limit: number; marker: string | undefined },
): { page: T[]; Truncated: boolean; NextMarker?: string } {
  let start = 0;
  if (marker !== undefined) {
    const after = Buffer.from(marker, 'base64url').toString('utf8');
    const index = items.findIndex((item) => idOf(item) === after);
    if (index < 0) {
      throw new KmsError(
        'InvalidMarkerException',
        'The request was rejected because the marker that specifies where pagination should next begin is not valid.',
      );
    }
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  if (start + limit >= items.length || last === undefined) return { page, Truncated: false };
  return { page, Truncated: true, NextMarker: Buffer.from(idOf(last)).toString('base64url') };
}
