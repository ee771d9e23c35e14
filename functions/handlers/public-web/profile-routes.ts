import type { MicroCredential } from '../../core/designs/model';
import type { Partner } from '../../core/partners/model';
import { htmlResponse, type PublicWebContext, type Response } from './context';
import { notFoundHtml } from './layout';
import { issuerPage, partnerPage } from './profile-pages';

/** Designs whose endorsements an issuer's page reads to name its partners (one query each). */
const designsScannedForPartners = 25;
/** Institutions, and designs of each, a partner's page reads to list what it endorses. */
const partnerScan = { institutions: 5, designs: 20 };

/** An issuer's page: its profile, published micro-credentials, endorsing partners and keys. */
export async function issuerHtml(
  { services, urls }: PublicWebContext,
  institutionId: string,
): Promise<Response> {
  const institution = await services.institutions.find(institutionId);
  if (!institution) return htmlResponse(notFoundHtml('Issuer', 'No issuer has this address.'), 404);
  const [catalogue, keys] = await Promise.all([
    services.microCredentials.catalogue({ institutionId, first: 100 }),
    services.publicDocuments.keySummary('institution', institutionId),
  ]);
  const partnerIds = await endorsingPartners(services, catalogue.items, designsScannedForPartners);
  const partners = (
    await Promise.all([...partnerIds.keys()].map((id) => services.partners.find(id)))
  )
    .filter((partner): partner is Partner => partner !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  return htmlResponse(
    issuerPage({
      url: urls.issuerProfile(institutionId),
      institution,
      designs: catalogue.items.map((design) => ({
        design,
        url: urls.to('currentAchievement', { design: design.id }),
      })),
      partners: partners.map((partner) => ({ partner, url: urls.partnerProfile(partner.id) })),
      keys,
      documents: {
        did: urls.didDocument('institution', institutionId),
        jwks: urls.jwks('institution', institutionId),
        jsonLd: urls.issuerProfile(institutionId),
      },
    }),
  );
}

/** The partners with a standing endorsement of one of `designs` (the first `scan` of them). */
async function endorsingPartners(
  services: PublicWebContext['services'],
  designs: readonly MicroCredential[],
  scan: number,
  onlyPartner?: string,
): Promise<Map<string, MicroCredential[]>> {
  const endorsements = await Promise.all(
    designs.slice(0, scan).map((design) => services.endorsements.forDesign(design.id)),
  );
  const partners = new Map<string, MicroCredential[]>();
  endorsements.forEach((list, index) => {
    for (const endorsement of list) {
      if (endorsement.status !== 'ACTIVE' || services.endorsements.isExpired(endorsement)) continue;
      if (onlyPartner && endorsement.partnerId !== onlyPartner) continue;
      partners.set(endorsement.partnerId, [
        ...(partners.get(endorsement.partnerId) ?? []),
        designs[index]!,
      ]);
    }
  });
  return partners;
}

/** A partner's page: its profile, the institutions it works with, what it endorses, its keys. */
export async function partnerHtml(
  { services, urls }: PublicWebContext,
  partner: Partner | null,
): Promise<Response> {
  if (!partner)
    return htmlResponse(notFoundHtml('Partner', 'No industry partner has this address.'), 404);
  const institutionIds = partner.institutionIds.slice(0, partnerScan.institutions);
  const [institutions, keys] = await Promise.all([
    Promise.all(institutionIds.map((id) => services.institutions.find(id))),
    services.publicDocuments.keySummary('partner', partner.id),
  ]);
  const catalogues = await Promise.all(
    institutionIds.map((institutionId) =>
      services.microCredentials.catalogue({ institutionId, first: partnerScan.designs }),
    ),
  );
  const designs = catalogues.flatMap((page) => page.items);
  const endorsed = await endorsingPartners(services, designs, designs.length, partner.id);
  return htmlResponse(
    partnerPage({
      url: urls.partnerProfile(partner.id),
      partner,
      institutions: institutions
        .filter((institution) => institution !== null)
        .map((institution) => ({ institution, url: urls.issuerProfile(institution.id) })),
      endorsements: (endorsed.get(partner.id) ?? []).map((design) => ({
        name: design.content.name,
        url: urls.to('currentAchievement', { design: design.id }),
      })),
      keys,
      documents: {
        did: urls.didDocument('partner', partner.id),
        jwks: urls.jwks('partner', partner.id),
      },
    }),
  );
}
