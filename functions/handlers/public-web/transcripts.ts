import { jsonResponse, problem } from '../http';
import type { PublicWebContext, RouteHandlers } from './context';

/** A learner's transcript, by the unguessable id its owner shares (never cached publicly). */
export function transcriptRoutes({
  services,
}: PublicWebContext): Pick<RouteHandlers, 'transcript'> {
  return {
    transcript: async ({ id }) => {
      const transcript = await services.transcripts.transcriptById(id);
      return transcript
        ? jsonResponse(transcript, { contentType: 'application/ld+json' })
        : problem(404, 'TRANSCRIPT_NOT_FOUND', 'No such transcript.');
    },
  };
}
