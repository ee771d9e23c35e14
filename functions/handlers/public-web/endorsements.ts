import { jsonResponse, problem } from '../http';
import type { PublicWebContext, RouteHandlers } from './context';

const noEndorsement = () => problem(404, 'ENDORSEMENT_NOT_FOUND', 'No such endorsement.');

/**
 * Endorsement credentials: the one a partner signed for a design, and the one signed for each
 * achievement version. Cached a minute, since an endorsement can be withdrawn.
 */
export function endorsementRoutes({
  services,
}: PublicWebContext): Pick<RouteHandlers, 'endorsement' | 'endorsementVersion'> {
  return {
    endorsement: async ({ id }) => {
      const endorsement = /^[A-Za-z0-9_-]{1,100}$/.test(id)
        ? await services.endorsements.find(id)
        : null;
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
