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
  /** Key documents served beside the DID document, by path. */
  private keyDocuments = new Map<string, Json>();
  /** https keys the DID document lists under assertionMethod besides its own. */
  private listedKeys: string[] = [];

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
          assertionMethod: [this.keyPair.id, ...this.listedKeys],
        },
      };
    }
    const list = this.statusLists.get(path) ?? this.keyDocuments.get(path);
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

  /**
   * A key served from this issuer's server as a standalone https key document (`/keys/<n>.json`)
   * that names `controller` — any DID, which is how a forger would claim someone else's
   * credentials. With `listed`, this issuer's DID document also lists it under assertionMethod.
   */
  async hostKey(options: { controller: string; listed?: boolean }): Promise<HostedKey> {
    const path = `/keys/${this.keyDocuments.size + 1}.json`;
    const id = `${this.baseUrl}${path}#k1`;
    const keyPair = await Ed25519Multikey.generate({ controller: options.controller });
    keyPair.id = id;
    const exported = await keyPair.export({ publicKey: true, includeContext: false });
    this.keyDocuments.set(path, {
      '@context': ['https://w3id.org/security/multikey/v1'],
      ...exported,
      id,
      controller: options.controller,
    });
    if (options.listed) this.listedKeys.push(id);
    return new HostedKey(keyPair);
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

/** A key served over https by an external issuer (see `ExternalIssuer.hostKey`). */
export class HostedKey {
  constructor(private readonly keyPair: Ed25519Multikey.KeyPair) {}

  get id(): string {
    return this.keyPair.id;
  }

  /** Signs a credential with an eddsa-rdfc-2022 proof naming this key (Digital Bazaar). */
  async sign(credential: Json): Promise<Json> {
    const suite = new DataIntegrityProof({
      signer: this.keyPair.signer(),
      cryptosuite: eddsaRdfc2022,
    });
    return vc.issue({ credential, suite, documentLoader });
  }

  /** A VC-JWT of `credential` (payload-is-credential form) whose kid names this key. */
  async signJwt(credential: Json): Promise<string> {
    const encode = (value: Json) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode({ alg: 'EdDSA', typ: 'JWT', kid: this.id })}.${encode({ ...credential, ...jwtClaimsOf(credential) })}`;
    const signature = await this.keyPair.signer().sign({ data: new TextEncoder().encode(input) });
    return `${input}.${Buffer.from(signature).toString('base64url')}`;
  }
}

/** The OB 3.0 §8.2.4.1 claims of a credential: iss, jti, nbf, and sub / exp when it has them. */
export function jwtClaimsOf(credential: Json): Json {
  const seconds = (iso: unknown) =>
    typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined;
  const issuer = credential.issuer as Json | string;
  const subject = credential.credentialSubject as Json;
  return {
    iss: typeof issuer === 'string' ? issuer : issuer.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(subject.id ? { sub: subject.id } : {}),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
}

/**
 * A VC-JWT from an issuer elsewhere, signed by a fresh EdDSA key (jose, not Tessera's code).
 * The issuer becomes a did:key named by the kid, or a did:jwk whose key is embedded as `jwk`.
 * `form` is where the credential goes: the payload itself (OB 3.0.3, VC Data Model 2.0) or the
 * `vc` claim (VC Data Model 1.1). `claims` overrides claims (undefined removes one).
 */
export async function externalJwt(
  credential: Json,
  options: { did?: 'key' | 'jwk'; form?: 'payload' | 'vc'; claims?: Json } = {},
): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const { kty, crv, x } = await exportJWK(publicKey);
  const { encode } = await import('base58-universal');
  const multibase = `z${encode(Uint8Array.from([0xed, 0x01, ...Buffer.from(x!, 'base64url')]))}`;
  const did =
    options.did === 'jwk'
      ? `did:jwk:${Buffer.from(JSON.stringify({ crv, kty, x })).toString('base64url')}`
      : `did:key:${multibase}`;
  const issued = { ...credential, issuer: { ...(credential.issuer as Json), id: did } };
  const claims = { ...jwtClaimsOf(issued), ...options.claims };
  return new SignJWT(options.form === 'vc' ? { vc: issued, ...claims } : { ...issued, ...claims })
    .setProtectedHeader(
      options.did === 'jwk'
        ? { alg: 'EdDSA', typ: 'JWT', jwk: { kty: kty!, crv: crv!, x: x! } }
        : { alg: 'EdDSA', typ: 'JWT', kid: `${did}#${multibase}` },
    )
    .sign(privateKey);
}

/**
 * A VC-JWT of `credential` as is (issuer untouched) signed by a fresh key that only its own
 * header vouches for: embedded as `jwk`, and named by `kid` when given. A forger's JWT, with the
 * credential as the payload or (`form: 'vc'`) in the `vc` claim.
 */
export async function selfKeyedJwt(
  credential: Json,
  options: { kid?: string; form?: 'payload' | 'vc' } = {},
): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const { kty, crv, x } = await exportJWK(publicKey);
  const claims = jwtClaimsOf(credential);
  return new SignJWT(
    options.form === 'vc' ? { vc: credential, ...claims } : { ...credential, ...claims },
  )
    .setProtectedHeader({
      alg: 'EdDSA',
      typ: 'JWT',
      jwk: { kty: kty!, crv: crv!, x: x! },
      ...(options.kid ? { kid: options.kid } : {}),
    })
    .sign(privateKey);
}
