/**
 * Tessera's JSON-LD extension context: the terms Open Badges 3.0 has no property for — the EU
 * and Ontario micro-credential elements an achievement carries as data, and the record of the
 * QA review a QA endorsement states. Every Tessera deployment serves this document at
 * `<base>/contexts/tessera-v1.jsonld` (`PublicUrls.extensionContext`); signing and verifying
 * never fetch it: the proofs adapter bundles this object for every URL with that path, so a
 * credential from any deployment canonicalizes with these exact definitions. Terms are only
 * ever added, in a new version of the file (`tessera-v2.jsonld`); a signed credential's
 * canonical form depends on them.
 */

/** The path every deployment serves the context at (the URL's version is its content's). */
export const EXTENSION_CONTEXT_PATH = '/contexts/tessera-v1.jsonld';

/** The namespace of the extension terms (a name, not fetched). */
export const TESSERA_VOCAB = 'https://w3id.org/tessera/ns/v1#';

const term = (name: string, extra: Record<string, string> = {}) => ({
  '@id': `${TESSERA_VOCAB}${name}`,
  ...extra,
});

/** The context document itself, served as `application/ld+json`. */
export const extensionContext = {
  '@context': {
    '@protected': true,
    /** The QA review a QA endorsement states: workflow, steps with dates, content hash. */
    qualityAssurance: term('qualityAssurance', { '@type': '@json' }),
    /** EU "type of assessment": each of the design's `assessmentMethods`. */
    assessmentMethods: { ...term('assessmentMethods'), '@container': '@set' },
    /** Free detail about the assessment (what is assessed, how). */
    assessmentDetail: term('assessmentDetail'),
    /** EU "form of participation": ONLINE, ONSITE, BLENDED, WORK_BASED, VOLUNTEERING. */
    participationForm: term('participationForm'),
    /** EU "supervision and identity verification during assessment". */
    assessmentSupervision: term('assessmentSupervision'),
    identityVerification: term('identityVerification'),
    /** EU "type of quality assurance used to underpin the micro-credential". */
    qualityAssuranceType: term('qualityAssuranceType'),
    /** Ontario: whether it bears academic credit, and whether it appears on a transcript. */
    creditBearing: term('creditBearing', {
      '@type': 'http://www.w3.org/2001/XMLSchema#boolean',
    }),
    transcriptable: term('transcriptable', {
      '@type': 'http://www.w3.org/2001/XMLSchema#boolean',
    }),
    /** EU "prerequisites needed to enrol", each one a statement. */
    prerequisites: { ...term('prerequisites'), '@container': '@set' },
    /** EU "integration/stackability options": how it combines with other credentials. */
    integrationOptions: term('integrationOptions'),
    stackingOptions: term('stackingOptions'),
    /** Every language of instruction (BCP 47); `inLanguage` holds the first. */
    instructionLanguages: { ...term('instructionLanguages'), '@container': '@set' },
    /** EU "notional workload" in hours (ECTS credits are OB 3.0 `creditsAvailable`). */
    workloadHours: term('workloadHours'),
  },
} as const;

/**
 * Whether a context URL names this context as some deployment serves it: an http(s) URL whose
 * path ends with {@link EXTENSION_CONTEXT_PATH} (a deployment may live under a path prefix).
 */
export function isExtensionContextUrl(url: string): boolean {
  if (url.length > 2_000) return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.pathname.endsWith(EXTENSION_CONTEXT_PATH) &&
      parsed.search === '' &&
      parsed.hash === ''
    );
  } catch {
    return false;
  }
}
