/**
 * JSON-LD terms for the CLR 2.0 transcript, defined inline.
 *
 * Why inline: the CLR 2.0 context (`https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json`)
 * is not published on npm, and contexts are never fetched at run time. An inline context maps
 * the CLR terms the transcript uses to the CLR 2.0 vocabulary IRIs, so any JSON-LD processor
 * (and so any Data Integrity verifier) reads the same RDF without fetching anything. The
 * embedded credentials keep their own contexts (`verifiableCredential` resets the context and
 * holds each one as its own graph, as a VC 2.0 presentation does).
 */
const clr = 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#';
const ob = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';

export const clrContext = {
  ClrCredential: { '@id': `${clr}ClrCredential` },
  ClrSubject: {
    '@id': `${clr}ClrSubject`,
    '@context': {
      '@protected': true,
      id: '@id',
      type: '@type',
      identifier: { '@id': `${ob}identifier`, '@container': '@set' },
      achievement: { '@id': `${clr}achievement`, '@container': '@set' },
      association: { '@id': `${clr}association`, '@container': '@set' },
      verifiableCredential: {
        '@id': 'https://www.w3.org/2018/credentials#verifiableCredential',
        '@type': '@id',
        '@container': '@graph',
        '@context': null,
      },
    },
  },
  Association: {
    '@id': `${clr}Association`,
    '@context': {
      '@protected': true,
      id: '@id',
      type: '@type',
      associationType: { '@id': `${clr}associationType` },
      sourceId: { '@id': `${clr}sourceId`, '@type': '@id' },
      targetId: { '@id': `${clr}targetId`, '@type': '@id' },
    },
  },
} as const;
