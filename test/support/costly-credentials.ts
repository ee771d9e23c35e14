import { generateKeyPairSync } from 'node:crypto';
import { createDeflate } from 'node:zlib';
import { encode as encodeBase58 } from 'base58-universal';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { generatedBadgePng, PNG_KEYWORD } from '../../functions/core/credential/baking';

type Json = Record<string, unknown>;

/**
 * A did:key issuer (a real Ed25519 key), so that verifying its credentials resolves the key
 * without a fetch and canonicalizes the document, before the made-up signature fails.
 */
export const didKeyIssuer = (() => {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x!, 'base64url');
  const multibase = `z${encodeBase58(Uint8Array.from([0xed, 0x01, ...raw]))}`;
  return { did: `did:key:${multibase}`, method: `did:key:${multibase}#${multibase}` };
})();

/** A well-formed signature that matches nothing: 64 bytes, base58btc multibase. */
const madeUpProofValue = `z${encodeBase58(new Uint8Array(64).fill(7))}`;

const contexts = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

/**
 * An OB 3.0 credential from `issuer` with a proof that names the issuer's key (for a did:key
 * issuer, {@link didKeyIssuer}'s) and matches nothing.
 */
export function openBadgeFrom(issuer: string, achievement: Json = {}, overrides: Json = {}): Json {
  return {
    '@context': contexts,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Elsewhere University' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Data Literacy',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://elsewhere.example.edu/achievements/data-literacy',
        type: ['Achievement'],
        name: 'Data Literacy',
        description: 'Reads and questions data.',
        criteria: { narrative: 'Completed the course.' },
        ...achievement,
      },
    },
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2025-01-01T00:00:00Z',
      verificationMethod: issuer === didKeyIssuer.did ? didKeyIssuer.method : `${issuer}#key-1`,
      proofPurpose: 'assertionMethod',
      proofValue: madeUpProofValue,
    },
    ...overrides,
  };
}

/** The credential of the report: 40,000 distinct tags, about 470 KB. */
export const fortyThousandTags = (issuer = didKeyIssuer.did) =>
  openBadgeFrom(issuer, { tag: Array.from({ length: 40_000 }, (_, index) => `tag-${index}`) });

/**
 * A credential within every count limit that is costly to canonicalize: `count` embedded
 * endorsements, each a credential with its own context and proof graph (100 take about a
 * second on one core).
 */
export const manyEndorsements = (count: number, issuer = didKeyIssuer.did) =>
  openBadgeFrom(issuer, {
    endorsement: Array.from({ length: count }, (_, index) => ({
      ...openBadgeFrom(didKeyIssuer.did),
      type: ['VerifiableCredential', 'EndorsementCredential'],
      credentialSubject: {
        id: 'https://elsewhere.example.edu/achievements/data-literacy',
        type: ['EndorsementSubject'],
        endorsementComment: `Endorsement ${index}`,
      },
    })),
  });

/**
 * A credential within every count limit whose canonicalization is one long synchronous run
 * (jsonld.js merges each property's values with a linear duplicate check): nine properties of
 * 1,000 values each.
 */
export const longArrays = (issuer = didKeyIssuer.did) =>
  openBadgeFrom(issuer, {
    tag: Array.from({ length: 1_000 }, (_, index) => `t${index}`),
    alignment: Array.from({ length: 8 }, (_, group) => ({
      type: ['Alignment'],
      targetName: Array.from({ length: 1_000 }, (_, index) => `n${group}-${index}`),
      targetUrl: `https://elsewhere.example.edu/frameworks/${group}`,
    })),
  });

/** A proof configuration naming a key elsewhere, for hashing documents directly. */
export const elsewhereProofConfig = {
  type: 'DataIntegrityProof',
  cryptosuite: 'eddsa-rdfc-2022',
  created: '2025-01-01T00:00:00Z',
  verificationMethod: 'did:example:elsewhere#key-1',
  proofPurpose: 'assertionMethod',
};

/** zlib data that inflates to `megabytes` MB of spaces, made without holding them in memory. */
export async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1_000_000, ' ');
  for (let index = 0; index < megabytes; index += 1)
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A PNG whose `openbadgecredential` iTXt chunk holds `text`, compressed (flag 1, method 0). */
export async function pngWithCompressedItxt(text: Buffer): Promise<Buffer> {
  const chunks = extractChunks(await generatedBadgePng('bomb'));
  const header = Buffer.from(`${PNG_KEYWORD}\u0000\u0001\u0000\u0000\u0000`, 'latin1');
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data: Buffer.concat([header, text]) });
  return Buffer.from(encodeChunks(chunks));
}
