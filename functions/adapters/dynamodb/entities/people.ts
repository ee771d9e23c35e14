/** Members: institution staff and partner admins, with the roles their tokens carry. */
import { defineEntity } from '../entity';

interface Listed {
  readonly email: string;
  readonly id: string;
}

export const memberEntity = defineEntity({
  name: 'Member',
  primary: { pk: ({ id }: { readonly id: string }) => `MEMBER#${id}`, sk: () => 'MEMBER' },
  indexes: {
    /** An institution's staff, by email address. */
    byInstitution: {
      index: 'gsi1',
      pk: ({ institutionId }: { readonly institutionId?: string }) =>
        `INSTITUTION#${institutionId}#MEMBERS`,
      sk: ({ email, id }: Listed) => `${email.toLowerCase()}#${id}`,
      when: ({ institutionId }: { readonly institutionId?: string }) => institutionId !== undefined,
    },
    /** A partner's admins, by email address. */
    byPartner: {
      index: 'gsi2',
      pk: ({ partnerId }: { readonly partnerId?: string }) => `PARTNER#${partnerId}#MEMBERS`,
      sk: ({ email, id }: Listed) => `${email.toLowerCase()}#${id}`,
      when: ({ partnerId }: { readonly partnerId?: string }) => partnerId !== undefined,
    },
  },
});
