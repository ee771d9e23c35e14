import type { ReviewResolvers } from '../generated/resolvers-types';

/** The signed QA endorsement of a review's design version, by its public URL. */
export const reviewQaEndorsement: Pick<ReviewResolvers, 'qaEndorsement'> = {
  qaEndorsement: async (review, _args, { services, urls }) => {
    if (review.status !== 'APPROVED') return null;
    const signed = await services.qaEndorsements.find(
      review.microCredentialId,
      review.designVersion,
    );
    return signed ? urls.qaEndorsement(review.microCredentialId, review.designVersion) : null;
  },
};
