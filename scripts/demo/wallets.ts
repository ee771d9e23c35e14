/**
 * The demo acting as a learner's wallet: it takes one of Ada's credentials through OpenID4VCI 1.0
 * with the OpenWallet Foundation's client library (a did:key holder), and leaves one more offer
 * unredeemed, valid for an hour without a transaction code, for anyone to try another wallet on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { clientAuthenticationAnonymous, HashAlgorithm } from '@openid4vc/oauth2';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { encode as encodeBase58 } from 'base58-universal';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Caller, GraphQLClient } from '../../infra/local/graphql-client';

const offerMutation = `mutation ($input: CreateCredentialOfferInput!) {
  createCredentialOffer(input: $input) { credentialId offerUri expiresAt }
}`;
const configurationId = 'OpenBadgeCredential_ldp_vc';
const hashNames: Record<string, string> = { [HashAlgorithm.Sha256]: 'sha256' };

interface Offer {
  credentialId: string;
  offerUri: string;
  expiresAt: string;
}

/** An Ed25519 did:key holder and the library's client signing with it. */
async function wallet() {
  const { privateKey, publicKey } = await generateKeyPair('Ed25519');
  const publicJwk = await exportJWK(publicKey);
  const multibase = `z${encodeBase58(Buffer.concat([Buffer.from([0xed, 0x01]), Buffer.from(publicJwk.x!, 'base64url')]))}`;
  const did = `did:key:${multibase}`;
  const client = new Openid4vciClient({
    callbacks: {
      hash: (data, alg) =>
        createHash(hashNames[alg] ?? 'sha256')
          .update(data)
          .digest(),
      generateRandom: (length) => randomBytes(length),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (_signer, { header, payload }) => ({
        jwt: await new SignJWT(payload).setProtectedHeader(header).sign(privateKey),
        signerJwk: publicJwk as never,
      }),
    },
  });
  return { did, kid: `${did}#${multibase}`, client };
}

/** Redeems an offer as a wallet does and returns the bound copy's id (its public URL). */
async function redeem(offerUri: string): Promise<{ url: string; holder: string }> {
  const { did, kid, client } = await wallet();
  const credentialOffer = await client.resolveCredentialOffer(offerUri);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
  });
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  const { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: configurationId,
    nonce: c_nonce,
    signer: { method: 'did', didUrl: kid, alg: 'EdDSA' },
  });
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId: configurationId,
    proofs: { jwt: [jwt] },
  });
  if (!response.ok) throw new Error('The credential endpoint refused the demo wallet');
  const [first] = response.credentialResponse.credentials ?? [];
  const copy = (first as { credential: { id: string; credentialSubject: { id: string } } })
    .credential;
  if (copy.credentialSubject.id !== did) throw new Error('The copy is not bound to the holder');
  return { url: copy.id, holder: did };
}

export async function demoWallets(
  api: GraphQLClient,
  learner: Caller,
  credentials: readonly { id: string; status: string }[],
  log: (message: string) => void,
) {
  // http://127.0.0.1 is the local platform; the library asks for https:// otherwise.
  setGlobalConfig({ allowInsecureUrls: true });
  const offerFor = async (credentialId: string, validMinutes: number) => {
    const result = await api.request<{ createCredentialOffer: Offer }>(
      offerMutation,
      { input: { credentialId, validMinutes } },
      learner,
    );
    return result.data?.createCredentialOffer ?? null;
  };
  // The learner may offer only their own credentials; the first active one that answers is Ada's.
  let redeemable: Offer | null = null;
  for (const credential of credentials.filter((candidate) => candidate.status === 'ACTIVE')) {
    redeemable = await offerFor(credential.id, 15);
    if (redeemable) break;
  }
  if (!redeemable) throw new Error('The learner holds no active credential to offer');
  const copy = await redeem(redeemable.offerUri);
  log(`wallet: ${copy.holder.slice(0, 24)}… received ${copy.url} through OpenID4VCI`);
  const open = (await offerFor(redeemable.credentialId, 60))!;
  log(`wallet: an unredeemed offer stays valid until ${open.expiresAt}`);
  return {
    walletCopies: [{ credentialId: redeemable.credentialId, url: copy.url, holder: copy.holder }],
    offers: [{ credentialId: open.credentialId, offerUri: open.offerUri }],
  };
}
