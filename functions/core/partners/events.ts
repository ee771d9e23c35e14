import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';
import { endorsementTargets } from './model';

/** A partner organisation was registered (its signing keys are requested with it). */
export const PartnerCreated = defineEvent({
  name: 'partner.created',
  version: 1,
  aggregateType: 'Partner',
  schema: z.object({ name: z.string() }),
});

export const PartnerLinked = defineEvent({
  name: 'partner.linked',
  version: 1,
  aggregateType: 'Partner',
  schema: z.object({ partnerId: z.string() }),
});

export const PartnerUnlinked = defineEvent({
  name: 'partner.unlinked',
  version: 1,
  aggregateType: 'Partner',
  schema: z.object({ partnerId: z.string(), by: z.enum(['partner', 'institution']) }),
});

const endorsement = z.object({
  partnerId: z.string(),
  target: z.object({ kind: z.enum(endorsementTargets), id: z.string() }),
});

export const EndorsementSubmitted = defineEvent({
  name: 'endorsement.submitted',
  version: 1,
  aggregateType: 'Endorsement',
  schema: endorsement,
});

export const EndorsementWithdrawn = defineEvent({
  name: 'endorsement.withdrawn',
  version: 1,
  aggregateType: 'Endorsement',
  schema: endorsement,
});

const invitation = z.object({ partnerId: z.string(), microCredentialId: z.string() });

export const EndorsementInvited = defineEvent({
  name: 'endorsement.invited',
  version: 1,
  aggregateType: 'EndorsementInvitation',
  schema: invitation,
});

export const EndorsementDeclined = defineEvent({
  name: 'endorsement.declined',
  version: 1,
  aggregateType: 'EndorsementInvitation',
  schema: invitation,
});

export const partnerEvents = [
  PartnerCreated,
  PartnerLinked,
  PartnerUnlinked,
  EndorsementSubmitted,
  EndorsementWithdrawn,
  EndorsementInvited,
  EndorsementDeclined,
] as const;
