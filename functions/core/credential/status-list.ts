import { createHash } from 'node:crypto';
import type { IssuerKey } from '../keys/issuer-key';
import type { PublicUrls } from '../shared/public-urls';
import { statusListSize, type StatusEntry, type StatusPurpose } from './credential';
import { VC_V2_CONTEXT } from './open-badge';
import type {
  CredentialSigner,
  JsonObject,
  PublishedStatusList,
  StatusListRepository,
} from '../issuance/ports';

/**
 * Where the n-th credential of a list sits. Bitstring Status List asks issuers to spread
 * positions so a position does not reveal issuance order; multiplying by an odd constant and
 * adding an institution-specific offset, modulo the power-of-two list size, is a bijection,
 * so every position is used exactly once.
 */
export function statusPosition(
  institutionId: string,
  purpose: StatusPurpose,
  counter: number,
): StatusEntry {
  const zeroBased = counter - 1;
  const listNumber = Math.floor(zeroBased / statusListSize) + 1;
  const offset = createHash('sha256')
    .update(`${institutionId}:${purpose}:${listNumber}`)
    .digest()
    .readUInt32BE(0);
  const index = ((zeroBased % statusListSize) * 0x9e37 + offset) % statusListSize;
  return { purpose, listNumber, index };
}

export interface StatusListServiceDeps {
  readonly lists: StatusListRepository;
  readonly signer: CredentialSigner;
  readonly urls: PublicUrls;
  readonly clock: { now(): Date };
  readonly activeKey: (institutionId: string) => Promise<IssuerKey>;
}

/** Publishes each institution's revocation and suspension lists as signed credentials. */
export class StatusListService {
  constructor(private readonly deps: StatusListServiceDeps) {}

  /** Rebuilds the list from the stored positions, signs it and stores it (idempotent). */
  async publish(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<PublishedStatusList> {
    const positions = await this.deps.lists.setPositions(institutionId, purpose, listNumber);
    const { Bitstring } = await loadBitstring();
    const bitstring = new Bitstring({ length: statusListSize });
    for (const position of positions) bitstring.set(position, true);
    const url = this.deps.urls.statusList(institutionId, purpose, listNumber);
    const publishedAt = this.deps.clock.now().toISOString();
    const key = await this.deps.activeKey(institutionId);
    const unsigned: JsonObject = {
      '@context': [VC_V2_CONTEXT],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: this.deps.urls.issuerDid(institutionId),
      validFrom: publishedAt,
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: purpose,
        // Multibase base64url (no padding) of the GZIP-compressed bitstring.
        encodedList: `u${await bitstring.encodeBits()}`,
        ttl: 300_000,
      },
    };
    const credential = await this.deps.signer.addDataIntegrityProof(
      unsigned,
      {
        keyRef: key.keyRef,
        verificationMethod: this.deps.urls.verificationMethod(
          'institution',
          institutionId,
          key.keyId,
        ),
      },
      publishedAt,
    );
    const list = { institutionId, purpose, listNumber, credential, publishedAt };
    await this.deps.lists.putPublished(list);
    return list;
  }

  /** The current list credential; signs one on first request for a list in use. */
  async get(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<PublishedStatusList | null> {
    const published = await this.deps.lists.getPublished(institutionId, purpose, listNumber);
    if (published) return published;
    if (!(await this.deps.lists.exists(institutionId, purpose, listNumber))) return null;
    return this.publish(institutionId, purpose, listNumber);
  }
}

/** The bitstring library (with its GZIP), loaded when a list is first published or read. */
function loadBitstring() {
  return import('@digitalbazaar/bitstring');
}

/** Reads a position of an encoded list (`u` + base64url GZIP bitstring). */
export async function isPositionSet(encodedList: string, index: number): Promise<boolean> {
  const { Bitstring } = await loadBitstring();
  const encoded = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  const buffer = await Bitstring.decodeBits({ encoded });
  return new Bitstring({ buffer }).get(index);
}
