import { partnerProfile } from '../../core/credential/open-badge';
import { platformOwnerId } from '../../core/shared/owners';
import { problem } from '../http';
import { documentOr, wantsHtml, type PublicWebContext, type RouteHandlers } from './context';
import { issuerHtml, partnerHtml } from './profile-routes';

type DocumentRoutes = Pick<
  RouteHandlers,
  | 'issuerProfile'
  | 'issuerDidDocument'
  | 'issuerJwks'
  | 'partnerProfile'
  | 'partnerDidDocument'
  | 'partnerJwks'
  | 'platformDidDocument'
  | 'platformJwks'
>;

const didType = 'application/did+ld+json';
const jwksType = 'application/jwk-set+json';
const noDid = () => problem(404, 'DID_NOT_FOUND', 'No such DID.');
const noJwks = () => problem(404, 'JWKS_NOT_FOUND', 'No such key set.');
const noPlatformKeys = () => problem(404, 'DID_NOT_FOUND', 'The platform has no keys yet.');

/** The profiles, DID documents and key sets of issuers, partners and the platform. */
export function issuerRoutes(context: PublicWebContext): DocumentRoutes {
  const { services, urls } = context;
  const docs = services.publicDocuments;
  return {
    issuerProfile: async ({ owner }, event) =>
      wantsHtml(event.headers.accept)
        ? issuerHtml(context, owner)
        : documentOr(await docs.issuerProfile(owner), 'application/ld+json', () =>
            problem(404, 'INSTITUTION_NOT_FOUND', 'No such issuer.'),
          ),
    issuerDidDocument: async ({ owner }) =>
      documentOr(await docs.didDocument('institution', owner), didType, noDid),
    issuerJwks: async ({ owner }) =>
      documentOr(await docs.jwks('institution', owner), jwksType, noJwks),
    partnerProfile: async ({ owner }, event) => {
      const partner = await services.partners.find(owner);
      if (wantsHtml(event.headers.accept)) return partnerHtml(context, partner);
      return documentOr(partner && partnerProfile(urls, partner), 'application/ld+json', () =>
        problem(404, 'PARTNER_NOT_FOUND', 'No such partner.'),
      );
    },
    partnerDidDocument: async ({ owner }) =>
      documentOr(await docs.didDocument('partner', owner), didType, noDid),
    partnerJwks: async ({ owner }) =>
      documentOr(await docs.jwks('partner', owner), jwksType, noJwks),
    platformDidDocument: async () =>
      documentOr(await docs.didDocument('platform', platformOwnerId), didType, noPlatformKeys),
    platformJwks: async () =>
      documentOr(await docs.jwks('platform', platformOwnerId), jwksType, noPlatformKeys),
  };
}
