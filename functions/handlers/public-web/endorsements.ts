import { jsonResponse, problem } from '../http';
import { endorsementPage } from './achievement-page';
import { htmlResponse, wantsHtml, type PublicWebContext, type RouteHandlers } from './context';
import { notFoundHtml } from './layout';

const noEndorsement = () => problem(404, 'ENDORSEMENT_NOT_FOUND', 'No such endorsement.');

/**
 * Endorsement credentials: the one a partner signed for a design, and the one signed for each
 * achievement version. Cached a minute, since an endorsement can be withdrawn. Browsers get
 * the endorsement's page.
 */
export function endorsementRoutes(
  context: PublicWebContext,
): Pick<RouteHandlers, 'endorsement' | 'endorsementVersion'> {
  const { services } = context;
  return {
    endorsement: async ({ id }, event) => {
      const endorsement = /^[A-Za-z0-9_-]{1,100}$/.test(id)
        ? await services.endorsements.find(id)
        : null;
      if (wantsHtml(event.headers.accept) && !event.rawPath.endsWith('.json'))
        return endorsementHtml(context, endorsement);
      return endorsement
        ? jsonResponse(endorsement.credential, { contentType: 'application/ld+json', maxAge: 60 })
        : noEndorsement();
    },
    endorsementVersion: async ({ id, version }) => {
      const credential = await services.endorsementDocuments.findVersionCredential(id, version);
      return credential
        ? jsonResponse(credential, { contentType: 'application/ld+json', maxAge: 60 })
        : noEndorsement();
    },
  };
}

async function endorsementHtml(
  { services, urls }: PublicWebContext,
  endorsement: Awaited<ReturnType<PublicWebContext['services']['endorsements']['find']>>,
) {
  if (!endorsement)
    return htmlResponse(notFoundHtml('Endorsement', 'No endorsement has this address.'), 404);
  const [partner, target] = await Promise.all([
    services.partners.find(endorsement.partnerId),
    endorsement.target.kind === 'MICRO_CREDENTIAL'
      ? services.publicDocuments.publishedVersion(endorsement.target.id)
      : null,
  ]);
  const institution =
    endorsement.target.kind === 'INSTITUTION'
      ? await services.institutions.find(endorsement.target.id)
      : null;
  return htmlResponse(
    endorsementPage({
      url: urls.endorsement(endorsement.id),
      endorsement,
      partner,
      partnerUrl: urls.partnerProfile(endorsement.partnerId),
      target: target
        ? {
            name: target.snapshot.content.name,
            url: urls.to('currentAchievement', { design: endorsement.target.id }),
          }
        : institution
          ? { name: institution.name, url: urls.issuerProfile(institution.id) }
          : null,
    }),
  );
}
