import { createHash, randomBytes } from 'node:crypto';
import { clientAuthenticationAnonymous, HashAlgorithm } from '@openid4vc/oauth2';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { encode as encodeBase58 } from 'base58-universal';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

// The local platform serves plain HTTP on loopback; the library refuses http:// by default.
setGlobalConfig({ allowInsecureUrls: true });

/** A wallet's key and the DID that names it. */
export interface Holder {
  readonly did: string;
  /** The DID URL of the key (`kid` of proofs). */
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** A holder with a fresh key: did:key or did:jwk, Ed25519 (EdDSA) or P-256 (ES256). */
export async function newHolder(
  method: 'did:key' | 'did:jwk',
  alg: Holder['alg'],
): Promise<Holder> {
  const { privateKey, publicKey } = await generateKeyPair(alg === 'EdDSA' ? 'Ed25519' : 'ES256', {
    extractable: true,
  });
  const publicJwk = await exportJWK(publicKey);
  if (method === 'did:jwk') {
    const members =
      alg === 'ES256'
        ? { crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x, y: publicJwk.y }
        : { crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x };
    const did = `did:jwk:${Buffer.from(JSON.stringify(members)).toString('base64url')}`;
    return { did, kid: `${did}#0`, alg, privateKey, publicJwk };
  }
  const x = Buffer.from(publicJwk.x!, 'base64url');
  const bytes =
    alg === 'EdDSA'
      ? Buffer.concat([Buffer.from([0xed, 0x01]), x])
      : Buffer.concat([
          Buffer.from([0x80, 0x24]),
          // Compressed point: 0x02 for an even y, 0x03 for an odd one.
          Buffer.from([(Buffer.from(publicJwk.y!, 'base64url').at(-1)! & 1) === 0 ? 2 : 3]),
          x,
        ]);
  const multibase = `z${encodeBase58(bytes)}`;
  const did = `did:key:${multibase}`;
  return { did, kid: `${did}#${multibase}`, alg, privateKey, publicJwk };
}

const hashNames: Record<string, string> = {
  [HashAlgorithm.Sha256]: 'sha256',
  [HashAlgorithm.Sha384]: 'sha384',
  [HashAlgorithm.Sha512]: 'sha512',
};

/** The OpenWallet Foundation's OpenID4VCI client, signing with the holder's key. */
export function walletClient(holder: Holder): Openid4vciClient {
  return new Openid4vciClient({
    callbacks: {
      hash: (data, alg) => createHash(hashNames[alg]!).update(data).digest(),
      generateRandom: (length) => randomBytes(length),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (_signer, { header, payload }) => ({
        jwt: await new SignJWT(payload).setProtectedHeader(header).sign(holder.privateKey),
        signerJwk: holder.publicJwk as never,
      }),
    },
  });
}

/** A proof of possession made by hand, for the refusals the library would never produce. */
export async function handMadeProof(
  holder: Holder,
  claims: { aud: string; nonce: string; iat?: number },
  signWith: CryptoKey = holder.privateKey,
): Promise<string> {
  return new SignJWT({ nonce: claims.nonce })
    .setProtectedHeader({ alg: holder.alg, typ: 'openid4vci-proof+jwt', kid: holder.kid })
    .setAudience(claims.aud)
    .setIssuedAt(claims.iat ?? Math.floor(Date.now() / 1000))
    .sign(signWith);
}

/**
 * Redeems an offer the way a wallet does with the library: resolve the offer and the issuer
 * metadata, take an access token for the pre-authorized code, ask for a nonce, prove the key
 * and receive the credential of `configurationId`.
 */
export async function receiveCredential(
  offerUri: string,
  holder: Holder,
  options: { configurationId: string; txCode?: string },
) {
  const client = walletClient(holder);
  const credentialOffer = await client.resolveCredentialOffer(offerUri);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    txCode: options.txCode,
  });
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  const { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: options.configurationId,
    nonce: c_nonce,
    signer: { method: 'did', didUrl: holder.kid, alg: holder.alg },
  });
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId: options.configurationId,
    proofs: { jwt: [jwt] },
  });
  return { response, issuerMetadata, accessToken: accessTokenResponse.access_token };
}
