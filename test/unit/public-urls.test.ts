import { describe, expect, it } from 'vitest';
import {
  parsePublicPath,
  PublicUrls,
  publicRoutes,
  type PublicRoute,
} from '../../functions/core/shared/public-urls';

const base = 'https://tessera.example:8443';
const urls = new PublicUrls(base);

/** One example of every route, with parameters that need encoding where ids allow it. */
const examples: PublicRoute[] = [
  { kind: 'credential', params: { id: 'c-1' } },
  { kind: 'credentialJwt', params: { id: 'c-1' } },
  { kind: 'credentialJson', params: { id: 'c-1' } },
  { kind: 'credentialBadge', params: { id: 'c-1', format: 'svg' } },
  { kind: 'credentialCertificate', params: { id: 'c-1' } },
  { kind: 'catalogue', params: {} },
  { kind: 'verify', params: {} },
  { kind: 'stack', params: { id: 'stack-1' } },
  { kind: 'currentAchievement', params: { design: 'design 1' } },
  { kind: 'achievement', params: { design: 'design 1', version: 3 } },
  { kind: 'achievementImage', params: { design: 'design-1', version: 3 } },
  { kind: 'qaEndorsement', params: { design: 'design-1', version: 3 } },
  { kind: 'extensionContext', params: {} },
  { kind: 'endorsement', params: { id: 'e-1' } },
  { kind: 'endorsementVersion', params: { id: 'e-1', version: 2 } },
  { kind: 'transcript', params: { id: 't-1' } },
  { kind: 'evidence', params: { id: 's-1' } },
  { kind: 'issuerProfile', params: { owner: 'inst/1' } },
  { kind: 'issuerDidDocument', params: { owner: 'inst-1' } },
  { kind: 'issuerJwks', params: { owner: 'inst-1' } },
  { kind: 'partnerProfile', params: { owner: 'p-1' } },
  { kind: 'partnerDidDocument', params: { owner: 'p-1' } },
  { kind: 'partnerJwks', params: { owner: 'p-1' } },
  { kind: 'platformDidDocument', params: {} },
  { kind: 'platformJwks', params: {} },
  { kind: 'statusList', params: { owner: 'inst-1', purpose: 'suspension', listNumber: 4 } },
];

describe('public URLs', () => {
  it('reads back every URL it mints as the same route', () => {
    const parsed = examples.map((route) => urls.parse(urls.to(route.kind, route.params as never)));

    expect(parsed).toEqual(examples);
    expect(new Set(examples.map((route) => route.kind))).toEqual(
      new Set(Object.keys(publicRoutes)),
    );
  });

  it('mints the URLs credentials already carry, unchanged', () => {
    expect(urls.credential('c-1')).toBe(`${base}/credentials/c-1`);
    expect(urls.achievement('d 1', 2)).toBe(`${base}/achievements/d%201/v2`);
    expect(urls.achievementImage('d1', 2)).toBe(`${base}/achievements/d1/v2/image.svg`);
    expect(urls.statusList('inst-1', 'revocation', 1)).toBe(
      `${base}/status-lists/inst-1/revocation/1`,
    );
    expect(urls.didDocument('institution', 'inst-1')).toBe(`${base}/issuers/inst-1/did.json`);
    expect(urls.jwks('partner', 'p-1')).toBe(`${base}/partners/p-1/jwks.json`);
    expect(urls.didDocument('platform', 'platform')).toBe(`${base}/.well-known/did.json`);
    expect(urls.endorsementVersion('e-1', 3)).toBe(`${base}/endorsements/e-1/v3`);
    expect(urls.issuerDid('inst-1')).toBe('did:web:tessera.example%3A8443:issuers:inst-1');
  });

  it('accepts the .json form where a route offers one, and ignores query and fragment', () => {
    expect(parsePublicPath('/endorsements/e-1/v2.json')).toEqual({
      kind: 'endorsementVersion',
      params: { id: 'e-1', version: 2 },
    });
    expect(parsePublicPath('/transcripts/t-1.json')).toEqual({
      kind: 'transcript',
      params: { id: 't-1' },
    });
    expect(urls.parse(`${base}/credentials/c-1?share=abc#top`)).toEqual({
      kind: 'credential',
      params: { id: 'c-1' },
    });
  });

  it('names no route for other paths, hosts or parameter values', () => {
    const paths = [
      '/credentials/c-1/other',
      '/status-lists/inst-1/expiry/1',
      '/achievements/d1/v1234567',
      '/credentials/c-1/badge.gif',
      '/verify/more',
      '//',
    ];

    expect(paths.map(parsePublicPath)).toEqual(paths.map(() => null));
    expect(urls.parse('https://elsewhere.example/credentials/c-1')).toBeNull();
  });

  it('tells a malformed percent-encoding apart from an unknown path', () => {
    expect(parsePublicPath('/credentials/%E0%A4%A')).toBe('malformed');
  });

  it('reads a pasted credential link leniently', () => {
    expect(urls.parseCredentialUrl(`${base}/credentials/c-1/`)).toBe('c-1');
    expect(urls.parseCredentialUrl(`${base}/credentials/c-1/badge.png?share=x`)).toBe('c-1');
    expect(urls.parseCredentialUrl(`${base}/issuers/c-1`)).toBeNull();
  });
});

describe('the extension context URL', () => {
  it('is the path the proofs adapter bundles the context for, on any deployment', async () => {
    const { EXTENSION_CONTEXT_PATH, isExtensionContextUrl } =
      await import('../../functions/core/credential/extension-context');

    expect(urls.extensionContext()).toBe(`${base}${EXTENSION_CONTEXT_PATH}`);
    expect(isExtensionContextUrl(urls.extensionContext())).toBe(true);
    expect(isExtensionContextUrl('http://127.0.0.1:4000/prefix/contexts/tessera-v1.jsonld')).toBe(
      true,
    );
    expect(isExtensionContextUrl(`${base}/contexts/tessera-v1.jsonld?x=1`)).toBe(false);
    expect(isExtensionContextUrl('file:///contexts/tessera-v1.jsonld')).toBe(false);
  });
});
