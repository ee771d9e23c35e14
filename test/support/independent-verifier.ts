import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalcredentials/vc-bitstring-status-list';
import { documentLoader as bundledContexts } from '../../functions/adapters/proofs/contexts';

/**
 * An independent verifier for tests: Digital Bazaar's `vc` + `data-integrity` + the
 * `eddsa-rdfc-2022` cryptosuite (the implementations the DCC verifier uses). DID documents are
 * fetched over HTTP from the platform (did:web → `<host>/…/did.json`), exactly as a verifier
 * elsewhere would.
 */
export async function verifyWithDigitalBazaar(
  credential: object,
): Promise<{ verified: boolean; error?: unknown }> {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader: didWebLoader,
    // Status is checked by our own tests through the published status list.
    checkStatus: () => Promise.resolve({ verified: true }),
  });
  return { verified: result.verified, error: result.error };
}

/**
 * The credential's status as the DCC Bitstring Status List library reads it: it fetches each
 * status list credential over HTTP, verifies its proof (with the verifier above) and its issuer,
 * and reads the bit. `verified` is false for a credential whose bit is set.
 */
export async function checkStatusWithDcc(
  credential: object,
): Promise<{ verified: boolean; error?: unknown }> {
  const result = await checkStatus({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: async (url: string) => {
      if (!url.startsWith('http://') || !url.includes('/status-lists/')) return didWebLoader(url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return { contextUrl: null, documentUrl: url, document: (await response.json()) as object };
    },
  });
  return { verified: result.verified, error: result.error };
}

/** Resolves bundled contexts and did:web DIDs (and their verification methods) over HTTP. */
export async function didWebLoader(url: string) {
  if (url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#');
    const [host, ...path] = did!.slice('did:web:'.length).split(':');
    // did:web: a DID with no path resolves at /.well-known/did.json.
    const documentPath = path.length ? path.map(decodeURIComponent).join('/') : '.well-known';
    const documentUrl = `http://${decodeURIComponent(host!)}/${documentPath}/did.json`;
    const response = await fetch(documentUrl);
    if (!response.ok) throw new Error(`DID ${did} did not resolve: ${response.status}`);
    const didDocument = (await response.json()) as {
      '@context': unknown;
      verificationMethod: { id: string }[];
    };
    if (!fragment) return { contextUrl: null, documentUrl: url, document: didDocument };
    const method = didDocument.verificationMethod.find((candidate) => candidate.id === url);
    if (!method) throw new Error(`verification method ${url} not found`);
    return {
      contextUrl: null,
      documentUrl: url,
      document: { '@context': 'https://w3id.org/security/multikey/v1', ...method },
    };
  }
  return bundledContexts(url);
}
