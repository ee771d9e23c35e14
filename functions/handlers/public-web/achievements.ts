import { problem, svgHeaders, textResponse } from '../http';
import { achievementPage } from './achievement-page';
import {
  documentOr,
  htmlResponse,
  wantsHtml,
  type PublicWebContext,
  type Response,
  type RouteHandlers,
} from './context';
import { notFoundHtml } from './layout';

type AchievementRoutes = Pick<
  RouteHandlers,
  'currentAchievement' | 'achievement' | 'achievementImage' | 'qaEndorsement'
>;

const noAchievementPage = () =>
  htmlResponse(
    notFoundHtml('Micro-credential', 'No published micro-credential has this address.'),
    404,
  );

/**
 * Approved achievement versions, the design's current one, and their generated images. Machines
 * get the OB 3.0 Achievement; browsers (Accept: text/html) its page.
 */
export function achievementRoutes(context: PublicWebContext): AchievementRoutes {
  const docs = context.services.publicDocuments;
  return {
    currentAchievement: async ({ design }, event) =>
      wantsHtml(event.headers.accept)
        ? achievementHtml(context, design)
        : documentOr(await docs.currentAchievement(design), 'application/ld+json', () =>
            problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No published achievement.'),
          ),
    achievement: async ({ design, version }, event) =>
      wantsHtml(event.headers.accept)
        ? achievementHtml(context, design, version)
        : documentOr(await docs.achievement(design, version), 'application/ld+json', () =>
            problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No such approved achievement.'),
          ),
    qaEndorsement: async ({ design, version }) =>
      documentOr(await docs.qaEndorsement(design, version), 'application/ld+json', () =>
        problem(404, 'QA_ENDORSEMENT_NOT_FOUND', 'No QA endorsement of a published version.'),
      ),
    achievementImage: async ({ design, version }) => {
      const svg = await docs.achievementImage(design, version);
      return svg
        ? textResponse(svg, 'image/svg+xml', { maxAge: 3600, headers: svgHeaders })
        : problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No such approved achievement.');
    },
  };
}

/** A design version's page: its content, QA record, live endorsements and pathways. */
async function achievementHtml(
  { services, urls }: PublicWebContext,
  design: string,
  version?: number,
): Promise<Response> {
  const found = await services.publicDocuments.publishedVersion(design, version);
  if (!found) return noAchievementPage();
  const { snapshot, institution } = found;
  const [endorsements, stacks] = await Promise.all([
    services.endorsements.forDesign(design),
    services.publicStacks.ofDesign(design),
  ]);
  const standing = endorsements
    .filter((e) => e.status === 'ACTIVE' && !services.endorsements.isExpired(e))
    .slice(0, 50);
  const partners = await Promise.all(standing.map((e) => services.partners.find(e.partnerId)));
  const body = achievementPage({
    snapshot,
    institution,
    endorsements: standing.map((endorsement, index) => ({
      endorsement,
      partner: partners[index] ?? null,
    })),
    stacks,
    links: {
      self: urls.achievement(design, snapshot.designVersion),
      image: urls.achievementImage(design, snapshot.designVersion),
      issuer: urls.issuerProfile(institution.id),
      jsonLd: urls.achievement(design, snapshot.designVersion),
      endorsement: (id) => urls.endorsement(id),
      partner: (id) => urls.partnerProfile(id),
      stack: (id) => urls.to('stack', { id }),
    },
  });
  return htmlResponse(body);
}
