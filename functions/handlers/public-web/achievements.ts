import { problem, svgHeaders, textResponse } from '../http';
import { documentOr, type PublicWebContext, type RouteHandlers } from './context';

type AchievementRoutes = Pick<
  RouteHandlers,
  'currentAchievement' | 'achievement' | 'achievementImage' | 'qaEndorsement'
>;

/** Approved achievement versions, the design's current one, and their generated images. */
export function achievementRoutes({ services }: PublicWebContext): AchievementRoutes {
  const docs = services.publicDocuments;
  return {
    currentAchievement: async ({ design }) =>
      documentOr(await docs.currentAchievement(design), 'application/ld+json', () =>
        problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No published achievement.'),
      ),
    achievement: async ({ design, version }) =>
      documentOr(await docs.achievement(design, version), 'application/ld+json', () =>
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
