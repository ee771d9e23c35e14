import { evidenceNotFoundPage, evidencePage } from '../credential-page';
import { jsonResponse, negotiate, problem } from '../http';
import { htmlResponse, type PublicWebContext, type RouteHandlers } from './context';

/**
 * Evidence a learner made public, as a page or JSON: the narrative, links and the files' names
 * and digests, never the files themselves.
 */
export function evidenceRoutes({ services }: PublicWebContext): Pick<RouteHandlers, 'evidence'> {
  return {
    evidence: async ({ id }, event) => {
      const submission = await services.learning.evidence.publicEvidence(id);
      const html =
        negotiate(event.headers.accept, ['text/html', 'application/json'], 'text/html') ===
        'text/html';
      if (!submission) {
        return html
          ? htmlResponse(evidenceNotFoundPage(), 404)
          : problem(404, 'EVIDENCE_NOT_FOUND', 'No public evidence here.');
      }
      const view = {
        component: submission.component,
        narrative: submission.narrative,
        links: submission.links,
        files: submission.files.map(({ name, contentType, size, sha256 }) => ({
          name,
          contentType,
          size,
          sha256,
        })),
        acceptedAt: submission.assessment?.decidedAt,
      };
      return html ? htmlResponse(evidencePage(view)) : jsonResponse(view, { maxAge: 60 });
    },
  };
}
