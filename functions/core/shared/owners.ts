/**
 * Who signs: an institution (credentials), an industry partner (endorsements), or the platform
 * itself (learner transcripts, which can span several institutions).
 */
export const ownerKinds = ['institution', 'partner', 'platform'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

/** The platform signs as one owner with this id. */
export const platformOwnerId = 'platform';
