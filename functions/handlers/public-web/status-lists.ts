import { jsonResponse, problem } from '../http';
import type { PublicWebContext, RouteHandlers } from './context';

/** An institution's revocation or suspension list: signed, and changing, so cached 30 seconds. */
export function statusListRoutes({
  services,
}: PublicWebContext): Pick<RouteHandlers, 'statusList'> {
  return {
    statusList: async ({ owner, purpose, listNumber }) => {
      const list = await services.statusLists.get(owner, purpose, listNumber);
      return list
        ? jsonResponse(list.credential, { contentType: 'application/vc+ld+json', maxAge: 30 })
        : problem(404, 'STATUS_LIST_NOT_FOUND', 'No such status list.');
    },
  };
}
