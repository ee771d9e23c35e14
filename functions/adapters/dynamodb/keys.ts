/**
 * Pure key builders for every entity in the single table. Keeping them here (and tested on
 * their own) means no repository spells a key by hand.
 */

const pad = (n: number) => n.toString().padStart(6, '0');

export const keys = {
  institution: (id: string) => ({ pk: `INSTITUTION#${id}`, sk: 'PROFILE' }),
  /** All institutions, by name, for the platform admin's list. */
  institutionListing: (name: string, id: string) => ({
    gsi1pk: 'INSTITUTIONS',
    gsi1sk: `${name.toLowerCase()}#${id}`,
  }),

  /** The working version of a design. */
  design: (id: string) => ({ pk: `MICROCREDENTIAL#${id}`, sk: 'DESIGN' }),
  designsOfInstitution: (institutionId: string) => `INSTITUTION#${institutionId}#DESIGNS`,
  designsOfInstitutionByStatus: (institutionId: string, status: string) =>
    `INSTITUTION#${institutionId}#DESIGNS#${status}`,
  designListing: (design: {
    institutionId: string;
    status: string;
    createdAt: string;
    id: string;
  }) => ({
    gsi1pk: keys.designsOfInstitution(design.institutionId),
    gsi1sk: `${design.createdAt}#${design.id}`,
    gsi2pk: keys.designsOfInstitutionByStatus(design.institutionId, design.status),
    gsi2sk: `${design.createdAt}#${design.id}`,
  }),
  /** An immutable snapshot of one design version (what a review decided on). */
  designVersion: (id: string, designVersion: number) => ({
    pk: `MICROCREDENTIAL#${id}`,
    sk: `VERSION#${pad(designVersion)}`,
  }),
  /** The public, issuable projection of a design; present only while published. */
  publishedDesign: (id: string) => ({ pk: `MICROCREDENTIAL#${id}`, sk: 'PUBLISHED' }),
  catalogue: () => 'CATALOGUE',
  catalogueOfInstitution: (institutionId: string) => `CATALOGUE#INSTITUTION#${institutionId}`,
  catalogueListing: (entry: { institutionId: string; publishedAt: string; id: string }) => ({
    gsi1pk: keys.catalogue(),
    gsi1sk: `${entry.publishedAt}#${entry.id}`,
    gsi2pk: keys.catalogueOfInstitution(entry.institutionId),
    gsi2sk: `${entry.publishedAt}#${entry.id}`,
  }),
} as const;
