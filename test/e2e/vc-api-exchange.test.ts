import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentLoader } from '../../functions/adapters/proofs/contexts';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;
interface Exchange {
  exchangeUrl: string;
  deepLink: string;
}

/** A Learner Credential Wallet stand-in: a did:key and DIDAuth presentations signed by it. */
async function didKeyWallet() {
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  const didAuth = (challenge: string, domain: string) =>
    vc.signPresentation({
      presentation: vc.createPresentation({ holder: did }),
      suite,
      challenge,
      domain,
      documentLoader,
    });
  return { did, didAuth };
}

describe('the VC-API exchange Learner Credential Wallet drives', () => {
  let t: TestPlatform;
  let credentialId: string;
  let open: () => Promise<Exchange>;
  const post = async (url: string, body: unknown) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    const { designId, qa } = await t.publishedDesign();
    const { issueCredential } = await t.api.call<{ issueCredential: { id: string } }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { microCredentialId: designId, recipient: { email: 'lin@example.org' } } },
      qa.admin,
    );
    credentialId = issueCredential.id;
    const learner = await t.as('learner', { subject: 'lin', email: 'lin@example.org' });
    open = async () =>
      (
        await t.api.call<{ createWalletExchange: Exchange }>(
          'mutation ($id: ID!) { createWalletExchange(credentialId: $id) { exchangeUrl deepLink } }',
          { id: credentialId },
          learner,
        )
      ).createWalletExchange;
  }, 120_000);
  afterAll(() => t.stop());

  it('answers a DIDAuth presentation with the credential bound to its DID', async () => {
    const exchange = await open();
    const wallet = await didKeyWallet();
    const request = JSON.parse(new URL(exchange.deepLink).searchParams.get('request')!) as {
      protocols: { vcapi: string };
    };

    const started = await post(request.protocols.vcapi, {});
    const { challenge, domain } = started.body.verifiablePresentationRequest as Json & {
      challenge: string;
      domain: string;
    };
    const finished = await post(exchange.exchangeUrl, {
      verifiablePresentation: await wallet.didAuth(challenge, domain),
    });

    expect(started.body.verifiablePresentationRequest).toMatchObject({
      query: [{ type: 'DIDAuthentication' }],
    });
    expect(finished.status).toBe(200);
    const [copy] = (finished.body.verifiablePresentation as { verifiableCredential: Json[] })
      .verifiableCredential;
    expect((copy!.credentialSubject as Json).id).toBe(wallet.did);
    expect(await verifyWithDigitalBazaar(copy!)).toMatchObject({ verified: true });
  });

  it('refuses a presentation answering another challenge, and a second copy from one exchange', async () => {
    const exchange = await open();
    const wallet = await didKeyWallet();
    const { domain, challenge } = (await post(exchange.exchangeUrl, {})).body
      .verifiablePresentationRequest as { domain: string; challenge: string };

    const wrong = await post(exchange.exchangeUrl, {
      verifiablePresentation: await wallet.didAuth('another-challenge', domain),
    });
    const right = await post(exchange.exchangeUrl, {
      verifiablePresentation: await wallet.didAuth(challenge, domain),
    });
    const again = await post(exchange.exchangeUrl, {
      verifiablePresentation: await wallet.didAuth(challenge, domain),
    });

    expect(wrong).toMatchObject({ status: 400, body: { code: 'DID_AUTH_FAILED' } });
    expect(right.status).toBe(200);
    expect(again).toMatchObject({ status: 409, body: { code: 'EXCHANGE_CLOSED' } });
  });
});
