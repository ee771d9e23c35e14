import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { MicroCredential } from '../designs/micro-credential';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { Actor, Review } from './model';
import type { ReviewRepository } from './ports';

/** The design's working version; NOT_FOUND when there is none. */
export async function requireDesign(
  designs: MicroCredentialRepository,
  id: string,
): Promise<MicroCredential> {
  const design = await designs.get(id);
  if (!design) throw new NotFoundError('MicroCredential', id);
  return design;
}

export async function requireReview(reviews: ReviewRepository, id: string): Promise<Review> {
  const review = await reviews.get(id);
  if (!review) throw new NotFoundError('Review', id);
  return review;
}

/** Optimistic concurrency on a design: the caller acts on the version they read. */
export function assertDesignVersion(design: MicroCredential, expectedVersion: number): void {
  if (design.version !== expectedVersion) {
    throw new ConflictError(
      'VERSION_CONFLICT',
      `MicroCredential ${design.id} is at version ${design.version}, not ${expectedVersion}; reload it and try again.`,
    );
  }
}

/** Who acted, as a review's audit trail records them (users with their name and email). */
export function actorFrom(principal: Principal): Actor {
  if (principal.kind === 'user')
    return { id: principal.userId, name: principal.name, email: principal.email };
  return { id: actorOf(principal).id };
}
