import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';

const access = {
  roles: z.array(z.string()),
  qaRoles: z.array(z.string()),
  assessedDesigns: z.array(z.string()),
};

/**
 * A person was invited to an institution's staff or as a partner's admin. Notifications email
 * the invitation from it (`email`, `name`, what they may do and where).
 */
export const MemberInvited = defineEvent({
  name: 'member.invited',
  version: 1,
  aggregateType: 'Member',
  schema: z.object({
    email: z.string(),
    name: z.string().optional(),
    partnerId: z.string().optional(),
    /** False when the person already had an account (e.g. a learner made staff). */
    newAccount: z.boolean(),
    ...access,
  }),
});

/** A member's roles changed; `previousRoles` shows what they had. */
export const MemberRolesChanged = defineEvent({
  name: 'member.roles-changed',
  version: 1,
  aggregateType: 'Member',
  schema: z.object({ ...access, previousRoles: z.array(z.string()) }),
});

/** A member can no longer sign in, or can again. */
export const MemberStatusChanged = defineEvent({
  name: 'member.status-changed',
  version: 1,
  aggregateType: 'Member',
  schema: z.object({ status: z.enum(['ACTIVE', 'DEACTIVATED']) }),
});

export const peopleEvents = [MemberInvited, MemberRolesChanged, MemberStatusChanged] as const;
