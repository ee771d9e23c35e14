import { achievementRoutes } from './achievements';
import { catalogueRoutes } from './catalogue';
import type { PublicWebContext, RouteHandlers } from './context';
import { contextRoutes } from './contexts';
import { credentialRoutes } from './credentials';
import { endorsementRoutes } from './endorsements';
import { evidenceRoutes } from './evidence';
import { issuerRoutes } from './issuers';
import { stackRoutes } from './stacks';
import { statusListRoutes } from './status-lists';
import { transcriptRoutes } from './transcripts';
import { verifyRoutes } from './verify';

/**
 * The handler of every public route, one module per resource. Its type names every route of
 * `publicRoutes`, so a URL the platform starts minting fails to compile until it is served.
 */
export function publicWebRoutes(context: PublicWebContext): RouteHandlers {
  return {
    ...credentialRoutes(context),
    ...achievementRoutes(context),
    ...endorsementRoutes(context),
    ...transcriptRoutes(context),
    ...evidenceRoutes(context),
    ...issuerRoutes(context),
    ...statusListRoutes(context),
    ...contextRoutes(),
    ...catalogueRoutes(context),
    ...verifyRoutes(context),
    ...stackRoutes(context),
  };
}
