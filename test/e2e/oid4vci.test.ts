import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { schemaErrors } from '../support/conformance';
import { checkStatusWithDcc, verifyWithDigitalBazaar } from '../support/independent-verifier';
import {
  handMadeProof,
  newHolder,
  receiveCredential,
  walletClient,
  type Holder,
} from '../support/oid4vci-wallet';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;
interface Offer {
  offerUri: string;
  qrSvg: string;
  expiresAt: string;
  txCode: string | null;
}

const ldpVc = 'OpenBadgeCredential_ldp_vc';
const jwtVcJson = 'OpenBadgeCredential_jwt_vc_json';
const offerMutation = `mutation ($input: CreateCredentialOfferInput!) {
  createCredentialOffer(input: $input) { offerUri qrSvg expiresAt txCode }
}`;
const copiesQuery = `query ($id: ID!) {
  credential(id: $id) { walletCopies { id url holder protocol format } }
}`;

/** The one credential of a credential response (OpenID4VCI 1.0: `credentials[0].credential`). */
const firstCredential = (response: { credentialResponse: { credentials?: unknown[] } }) =>
  (response.credentialResponse.credentials![0] as { credential: unknown }).credential;

/** The platform's clock, moved forward past an offer's expiry by one test. */
const clock = {
  offsetMs: 0,
  now() {
    return new Date(Date.now() + this.offsetMs);
  },
};

describe('OpenID4VCI 1.0: a wallet receives a holder-bound copy of a credential', () => {
  let t: TestPlatform;
  let admin: Caller;
  let learner: Caller;
  let otherLearner: Caller;
  let designId: string;

  const issue = async (email = 'ada@example.org') =>
    (
      await t.api.call<{ issueCredential: { id: string; json: Json } }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id json } }`,
        { input: { microCredentialId: designId, recipient: { email, name: 'Ada Learner' } } },
        admin,
      )
    ).issueCredential;
  const offer = (credentialId: string, caller: Caller = learner, extra: Json = {}) =>
    t.api.request<{ createCredentialOffer: Offer }>(
      offerMutation,
      { input: { credentialId, ...extra } },
      caller,
    );
  const offerFor = async (credentialId: string, extra: Json = {}) => {
    const result = await offer(credentialId, learner, extra);
    expect(result.errors).toBeUndefined();
    return result.data!.createCredentialOffer;
  };
  /** POSTs to a wallet endpoint and returns the status and the JSON answer. */
  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(`${t.platform.url}${path}`, { method: 'POST', body, headers });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const tokenFor = async (offerUri: string, txCode?: string) => {
    const offerObject = JSON.parse(new URL(offerUri).searchParams.get('credential_offer')!) as {
      grants: Record<string, { 'pre-authorized_code': string }>;
    };
    const code = Object.values(offerObject.grants)[0]!['pre-authorized_code'];
    return post(
      '/oid4vci/token',
      new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
        'pre-authorized_code': code,
        ...(txCode ? { tx_code: txCode } : {}),
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
  };
  const nonce = async () => (await post('/oid4vci/nonce', '', {})).body.c_nonce as string;
  const requestCredential = (accessToken: string, proof: string, configuration = ldpVc) =>
    post(
      '/oid4vci/credential',
      JSON.stringify({ credential_configuration_id: configuration, proofs: { jwt: [proof] } }),
      { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    );

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    const published = await t.publishedDesign();
    designId = published.designId;
    admin = published.qa.admin;
    learner = await t.as('learner', { subject: 'ada', email: 'ada@example.org' });
    otherLearner = await t.as('learner', { subject: 'bob', email: 'bob@example.org' });
  }, 120_000);
  afterAll(() => t.stop());

  it('publishes issuer and authorization server metadata the library reads as OpenID4VCI 1.0', async () => {
    const holder = await newHolder('did:key', 'EdDSA');

    const metadata = await walletClient(holder).resolveIssuerMetadata(t.platform.url);

    expect(metadata.originalDraftVersion).toBe('V1');
    expect(metadata.credentialIssuer.credential_issuer).toBe(t.platform.url);
    expect(metadata.credentialIssuer.nonce_endpoint).toBe(`${t.platform.url}/oid4vci/nonce`);
    expect(Object.keys(metadata.credentialIssuer.credential_configurations_supported)).toEqual([
      ldpVc,
      jwtVcJson,
    ]);
    expect(metadata.authorizationServers[0]?.token_endpoint).toBe(
      `${t.platform.url}/oid4vci/token`,
    );
  });

  it.each([
    ['did:key', 'EdDSA', ldpVc],
    ['did:key', 'ES256', jwtVcJson],
    ['did:jwk', 'EdDSA', jwtVcJson],
    ['did:jwk', 'ES256', ldpVc],
  ] as const)(
    'issues a copy bound to a %s %s holder as %s when the library redeems an offer',
    async (method, alg, configurationId) => {
      const original = await issue();
      const holder = await newHolder(method, alg);
      const { offerUri, qrSvg } = await offerFor(original.id);

      const { response } = await receiveCredential(offerUri, holder, { configurationId });

      expect(qrSvg).toContain('<svg');
      const issued: unknown = firstCredential(response);
      const copy = (configurationId === ldpVc ? issued : decodeJwt(issued as string)) as Json & {
        credentialSubject: Json;
        credentialStatus: Json;
        sub?: string;
      };
      expect(copy.credentialSubject.id).toBe(holder.did);
      expect(copy.credentialStatus).toEqual(original.json.credentialStatus);
      expect(copy.id).not.toBe(original.json.id);
      expect(
        schemaErrors(
          'achievementCredential',
          configurationId === ldpVc
            ? copy
            : {
                ...copy,
                sub: undefined,
                iss: undefined,
                jti: undefined,
                nbf: undefined,
                exp: undefined,
                iat: undefined,
              },
        ),
      ).toEqual([]);
      if (configurationId === ldpVc) {
        expect(await verifyWithDigitalBazaar(copy)).toMatchObject({ verified: true });
      } else {
        expect(copy.sub).toBe(holder.did);
      }
      const { credential } = await t.api.call<{
        credential: { walletCopies: { url: string; holder: string }[] };
      }>(copiesQuery, { id: original.id }, learner);
      expect(credential.walletCopies).toContainEqual(
        expect.objectContaining({ url: copy.id ?? copy.jti, holder: holder.did }),
      );
    },
  );

  describe('refusals', () => {
    let credentialId: string;
    let holder: Holder;
    const tokenOf = async (extra: Json = {}) => {
      const { offerUri } = await offerFor(credentialId, extra);
      const token = await tokenFor(offerUri);
      expect(token.status).toBe(200);
      return token.body.access_token as string;
    };

    beforeAll(async () => {
      credentialId = (await issue()).id;
      holder = await newHolder('did:key', 'EdDSA');
    });

    it('refuses a pre-authorized code used a second time', async () => {
      const { offerUri } = await offerFor(credentialId);

      const first = await tokenFor(offerUri);
      const second = await tokenFor(offerUri);

      expect(first.status).toBe(200);
      expect(second).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', code: 'CODE_USED' },
      });
    });

    it('refuses a pre-authorized code after it expired', async () => {
      const { offerUri } = await offerFor(credentialId, { validMinutes: 1 });

      clock.offsetMs = 2 * 60_000;
      const token = await tokenFor(offerUri).finally(() => (clock.offsetMs = 0));

      expect(token).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', code: 'CODE_EXPIRED' },
      });
    });

    it('refuses a wrong transaction code and accepts the right one after it', async () => {
      const { offerUri, txCode } = await offerFor(credentialId, { txCode: true });
      const wrong = txCode === '000000' ? '111111' : '000000';

      const refused = await tokenFor(offerUri, wrong);
      const missing = await tokenFor(offerUri);
      const accepted = await tokenFor(offerUri, txCode!);

      expect(txCode).toMatch(/^\d{6}$/);
      expect(decodeURIComponent(offerUri)).toContain(
        '"tx_code":{"input_mode":"numeric","length":6',
      );
      expect(refused).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', code: 'TX_CODE_WRONG' },
      });
      expect(missing.body).toMatchObject({ error: 'invalid_grant' });
      expect(accepted.status).toBe(200);
    });

    it('refuses a nonce used a second time', async () => {
      const c_nonce = await nonce();
      const proof = await handMadeProof(holder, { aud: t.platform.url, nonce: c_nonce });

      const first = await requestCredential(await tokenOf(), proof);
      const replayed = await requestCredential(await tokenOf(), proof);

      expect(first.status).toBe(200);
      expect(replayed).toMatchObject({ status: 400, body: { error: 'invalid_nonce' } });
    });

    it('refuses a proof made for another credential issuer', async () => {
      const proof = await handMadeProof(holder, {
        aud: 'https://other.example',
        nonce: await nonce(),
      });

      const refused = await requestCredential(await tokenOf(), proof);

      expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
    });

    it('refuses a proof signed by a key other than the one it names', async () => {
      const impostor = await newHolder('did:key', 'EdDSA');
      const proof = await handMadeProof(
        holder,
        { aud: t.platform.url, nonce: await nonce() },
        impostor.privateKey,
      );

      const refused = await requestCredential(await tokenOf(), proof);

      expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
    });

    it('refuses a stale proof and an access token used a second time', async () => {
      const accessToken = await tokenOf();
      const stale = await handMadeProof(holder, {
        aud: t.platform.url,
        nonce: await nonce(),
        iat: Math.floor(Date.now() / 1000) - 3600,
      });
      const fresh = () =>
        nonce().then((n) => handMadeProof(holder, { aud: t.platform.url, nonce: n }));

      const refusedStale = await requestCredential(accessToken, stale);
      const issued = await requestCredential(accessToken, await fresh());
      const reused = await requestCredential(accessToken, await fresh());

      expect(refusedStale).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
      expect(issued.status).toBe(200);
      expect(reused).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    });

    it("refuses to offer another learner's credential, as if it did not exist", async () => {
      const refused = await offer(credentialId, otherLearner);

      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('revokes every copy with the original, and refuses codes and tokens after revocation', async () => {
      const revocable = await issue('cy@example.org');
      const cy = await t.as('learner', { subject: 'cy', email: 'cy@example.org' });
      const byAdmin = (await offer(revocable.id, admin)).data!.createCredentialOffer;
      const pending = (await offer(revocable.id, cy)).data!.createCredentialOffer;
      const { response } = await receiveCredential(byAdmin.offerUri, holder, {
        configurationId: ldpVc,
      });
      const copy = firstCredential(response) as Json;
      const unspentToken = (
        await tokenFor((await offer(revocable.id, cy)).data!.createCredentialOffer.offerUri)
      ).body.access_token as string;
      const verify = async () => (await checkStatusWithDcc(copy)).verified;
      const before = await verify();

      await t.api.call(
        'mutation ($id: ID!) { revokeCredential(id: $id, reason: "Issued in error") { id } }',
        { id: revocable.id },
        admin,
      );
      await t.platform.drain();

      expect(before).toBe(true);
      expect(await verify()).toBe(false);
      expect(await tokenFor(pending.offerUri)).toMatchObject({
        status: 400,
        body: { code: 'CREDENTIAL_NOT_ACTIVE' },
      });
      const proof = await handMadeProof(holder, { aud: t.platform.url, nonce: await nonce() });
      expect(await requestCredential(unspentToken, proof)).toMatchObject({
        status: 400,
        body: { error: 'credential_request_denied' },
      });
      expect((await offer(revocable.id, cy)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });
  });
});
