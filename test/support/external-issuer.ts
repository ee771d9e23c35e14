import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bitstring } from '@digitalbazaar/bitstring';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { documentLoader } from '../../functions/adapters/proofs/contexts';

type Json = Record<string, unknown>;

/**
 * An issuer somewhere else, for verification tests: its credentials are signed with Digital
 * Bazaar's libraries (not Tessera's code), with a did:key, or a did:web served from its own
 * loopback server together with its status list.
 */
export class ExternalIssuer {
  private server?: Server;
  private statusLists = new Map<string, Json>();

  private constructor(
    readonly did: string,
    private readonly keyPair: Ed25519Multikey.KeyPair,
    readonly baseUrl?: string,
  ) {}

  /** An issuer identified by a did:key. */
  static async withDidKey(): Promise<ExternalIssuer> {
    const keyPair = await Ed25519Multikey.generate();
    const did = `did:key:${keyPair.publicKeyMultibase}`;
    keyPair.controller = did;
    keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
    return new ExternalIssuer(did, keyPair);
  }

  /** An issuer identified by a did:web on its own loopback server. */
  static async withDidWeb(): Promise<ExternalIssuer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const did = `did:web:127.0.0.1%3A${port}:issuers:ext`;
    const keyPair = await Ed25519Multikey.generate({ controller: did });
    keyPair.id = `${did}#key-1`;
    const issuer = new ExternalIssuer(did, keyPair, `http://127.0.0.1:${port}`);
    issuer.server = server;
    server.on('request', (request, response) => {
      void issuer.serve(request.url ?? '/').then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    return issuer;
  }

  private async serve(path: string): Promise<{ status: number; body: unknown }> {
    if (path === '/issuers/ext/did.json') {
      const method = await this.keyPair.export({ publicKey: true, includeContext: false });
      return {
        status: 200,
        body: {
          '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
          id: this.did,
          verificationMethod: [{ ...method, id: this.keyPair.id, controller: this.did }],
          assertionMethod: [this.keyPair.id],
        },
      };
    }
    const list = this.statusLists.get(path);
    if (list) return { status: 200, body: list };
    return { status: 404, body: { error: 'not found' } };
  }

  /** Signs a credential with Digital Bazaar's issuer. */
  async sign(credential: Json): Promise<Json> {
    const suite = new DataIntegrityProof({
      signer: this.keyPair.signer(),
      cryptosuite: eddsaRdfc2022,
    });
    return vc.issue({ credential, suite, documentLoader });
  }

  /** A minimal OB 3.0 credential from this issuer. */
  openBadge(overrides: Json = {}): Json {
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: this.did, type: ['Profile'], name: 'Elsewhere University' },
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
        },
      },
      ...overrides,
    };
  }

  /** Publishes (and signs) a revocation status list at `<base>/status/<listId>`; returns an entry. */
  async publishStatusList(revokedIndices: number[], listId = '1'): Promise<Json> {
    const bits = new Bitstring({ length: 131_072 });
    for (const index of revokedIndices) bits.set(index, true);
    const url = `${this.baseUrl}/status/${listId}`;
    this.statusLists.set(
      `/status/${listId}`,
      await this.sign({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.did,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: `u${await bits.encodeBits()}`,
        },
      }),
    );
    return {
      id: `${url}#42`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: url,
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A VC-JWT signed with an EdDSA key named by a did:key kid (jose, not Tessera's code). */
export async function externalJwt(credential: Json): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const raw = Buffer.from(jwk.x!, 'base64url');
  const { encode } = await import('base58-universal');
  const did = `did:key:z${encode(Uint8Array.from([0xed, 0x01, ...raw]))}`;
  const vcClaim = { ...credential, issuer: { ...(credential.issuer as Json), id: did } };
  return new SignJWT({ vc: vcClaim })
    .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#${did.slice('did:key:'.length)}` })
    .setIssuer(did)
    .setJti(String(credential.id))
    .sign(privateKey);
}
