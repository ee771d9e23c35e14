import type { Caller, GraphQLClient } from '../../infra/local/graphql-client';

/**
 * Adds to each review of the demo the URL of the QA body's signed endorsement of the approved
 * design version (`qaEndorsement`), once the platform verifies the document served there; null
 * when none is served or it does not verify.
 */
export async function addQaEndorsements(
  api: GraphQLClient,
  caller: Caller,
  reviews: { reviewId: string; qaEndorsement?: string | null }[],
  log: (message: string) => void,
): Promise<void> {
  log("checking each design's signed QA endorsement (public URL, verified)");
  for (const review of reviews) {
    const { review: read } = await api.call<{ review: { qaEndorsement: string | null } }>(
      'query ($id: ID!) { review(id: $id) { qaEndorsement } }',
      { id: review.reviewId },
      caller,
    );
    const url = read.qaEndorsement;
    const response = url ? await fetch(url) : null;
    const verified = response?.ok
      ? (
          await api.call<{ verifyCredential: { verified: boolean } }>(
            'query ($input: VerifyCredentialInput!) { verifyCredential(input: $input) { verified } }',
            { input: { credential: (await response.json()) as unknown } },
          )
        ).verifyCredential.verified
      : false;
    review.qaEndorsement = verified ? url : null;
  }
}
