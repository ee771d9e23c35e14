import * as z from 'zod';
import { countryCode, email, httpUrl, limits, requiredText, text } from '../shared/validation';

/** Postal address of an institution (the EU "country of the awarding body" lives here). */
export const addressSchema = z.strictObject({
  streetAddress: text(limits.shortText).optional(),
  addressLocality: text(limits.name).optional(),
  addressRegion: text(limits.name).optional(),
  postalCode: text(40).optional(),
  addressCountry: countryCode(),
});
export type Address = z.infer<typeof addressSchema>;

export const institutionSettingsSchema = z.strictObject({
  /** Active industry endorsements a design needs before it may be published. */
  requiredEndorsements: z.int().min(1).max(10).default(1),
  /** Whether stacks may count credentials from other issuers, matched by achievement id. */
  allowExternalStackParts: z.boolean().default(false),
  /**
   * Whether credentials name the learner in the signed document (an OB 3.0 IdentityObject of
   * identityType `name`, besides the hashed email): not at all, as a salted hash, or plainly.
   */
  recipientName: z.enum(['NONE', 'HASHED', 'PLAIN']).default('NONE'),
});
export type InstitutionSettings = z.infer<typeof institutionSettingsSchema>;

export const createInstitutionInput = z.strictObject({
  name: requiredText(limits.name),
  url: httpUrl(),
  email: email().optional(),
  phone: text(40).optional(),
  description: text(limits.description).optional(),
  image: httpUrl().optional(),
  address: addressSchema,
  settings: institutionSettingsSchema.optional(),
});
export type CreateInstitutionInput = z.input<typeof createInstitutionInput>;

export const updateInstitutionInput = createInstitutionInput
  .omit({ settings: true })
  .partial()
  .extend({ settings: institutionSettingsSchema.partial().optional() })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'must change at least one field',
  });
export type UpdateInstitutionInput = z.input<typeof updateInstitutionInput>;

/** An issuing institution: an Open Badges 3.0 `Profile` plus its platform settings. */
export const institutionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  description: z.string().optional(),
  image: z.string().optional(),
  address: addressSchema,
  settings: institutionSettingsSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic-concurrency counter; every update names the version it read. */
  version: z.int().positive(),
});
export type Institution = z.output<typeof institutionSchema>;
