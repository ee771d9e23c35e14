import { authorizeOrHide, requireSignedIn } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../shared/errors';
import type { Enrolment, Submission } from './model';
import type { LearningRepository } from './ports';

export async function requireEnrolment(
  learning: LearningRepository,
  id: string,
): Promise<Enrolment> {
  const enrolment = await learning.getEnrolment(id);
  if (!enrolment) throw new NotFoundError('Enrolment', id);
  return enrolment;
}

export async function requireSubmission(
  learning: LearningRepository,
  id: string,
): Promise<Submission> {
  const submission = await learning.getSubmission(id);
  if (!submission) throw new NotFoundError('Submission', id);
  return submission;
}

/** An enrolment its learner or the institution's staff may read; NOT_FOUND for anyone else. */
export async function readableEnrolment(
  principal: Principal,
  learning: LearningRepository,
  id: string,
): Promise<Enrolment> {
  requireSignedIn(principal);
  const enrolment = await requireEnrolment(learning, id);
  authorizeOrHide(
    principal,
    'learning.read',
    {
      learnerId: enrolment.learnerId,
      institutionId: enrolment.institutionId,
      microCredentialId: enrolment.microCredentialId,
    },
    'Enrolment',
    id,
  );
  return enrolment;
}

/** A submission its learner or the institution's staff may read; NOT_FOUND for anyone else. */
export async function readableSubmission(
  principal: Principal,
  learning: LearningRepository,
  id: string,
): Promise<Submission> {
  requireSignedIn(principal);
  const submission = await requireSubmission(learning, id);
  authorizeOrHide(
    principal,
    'learning.read',
    {
      learnerId: submission.learnerId,
      institutionId: submission.institutionId,
      microCredentialId: submission.microCredentialId,
    },
    'Submission',
    id,
  );
  return submission;
}
