import * as z from 'zod';
import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { identifier, limits, parseInput, requiredText, text } from '../shared/validation';
import { EndorsementDeclined, EndorsementInvited } from './events';
import { partnerIdOf, type Endorsement, type Invitation } from './model';
import type { InvitationRepository, PartnerRepository } from './ports';

const inviteInput = z.strictObject({
  microCredentialId: identifier(),
  partnerId: identifier(),
  message: text(limits.description).optional(),
});

const respondInput = z.strictObject({
  accept: z.boolean(),
  comment: requiredText(limits.description).optional(),
  competencies: z.array(requiredText(limits.name)).max(50).default([]),
  reason: text(limits.shortText).optional(),
});

/** Endorses a design for the calling partner (the endorsement submission use case). */
export type SubmitEndorsement = (principal: Principal, input: unknown) => Promise<Endorsement>;

export interface EndorsementInvitationsDeps {
  readonly invitations: InvitationRepository;
  readonly partners: Pick<PartnerRepository, 'get'>;
  readonly designs: Pick<MicroCredentialRepository, 'get'>;
  readonly submit: SubmitEndorsement;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * An institution invites a linked partner to endorse one of its designs; the partner accepts
 * (which endorses the design) or declines with a reason.
 */
export class EndorsementInvitations {
  constructor(private readonly deps: EndorsementInvitationsDeps) {}

  /** An institution asks a linked partner to endorse one of its designs. */
  async invite(principal: Principal, input: unknown): Promise<Invitation> {
    const { microCredentialId, partnerId, message } = parseInput(inviteInput, input);
    const design = await this.deps.designs.get(microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
    authorize(principal, 'endorsement.invite', { institutionId: design.institutionId });
    const partner = await this.deps.partners.get(partnerId);
    if (!partner) throw new NotFoundError('Partner', partnerId);
    if (!partner.institutionIds.includes(design.institutionId)) {
      throw new ForbiddenError(
        'The partner is not linked to this institution.',
        'PARTNER_NOT_LINKED',
      );
    }
    const pending = await this.pendingFor(partnerId, microCredentialId);
    if (pending) return pending;
    const invitation: Invitation = {
      id: this.deps.ids.newId(),
      partnerId,
      institutionId: design.institutionId,
      microCredentialId,
      designName: design.content.name,
      ...(message ? { message } : {}),
      status: 'PENDING',
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actorOf(principal).id,
      version: 1,
    };
    try {
      await this.deps.invitations.add(invitation, [
        this.event(EndorsementInvited, invitation, principal),
      ]);
    } catch (error) {
      // The same invitation sent at the same moment (a retry, a double click): it is that one.
      const sent =
        error instanceof ConflictError && error.code === 'INVITATION_PENDING'
          ? await this.deps.invitations.pendingFor(partnerId, microCredentialId)
          : null;
      if (sent) return sent;
      throw error;
    }
    return invitation;
  }

  /** Invitations sent to the calling partner (pending by default). */
  async forPartner(
    principal: Principal,
    status?: Invitation['status'] | null,
  ): Promise<Invitation[]> {
    const partnerId = partnerIdOf(principal);
    authorize(principal, 'endorsement.read', { partnerId });
    return this.deps.invitations.listByPartner(partnerId, status ?? 'PENDING');
  }

  /** Invitations an institution sent for one design (staff). */
  async forDesign(principal: Principal, microCredentialId: string): Promise<Invitation[]> {
    const design = await this.deps.designs.get(microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
    authorize(principal, 'microCredential.readDraft', { institutionId: design.institutionId });
    return this.deps.invitations.listByDesign(microCredentialId);
  }

  /** Accepting endorses the design; declining records the reason. */
  async respond(principal: Principal, invitationId: string, input: unknown): Promise<Invitation> {
    const partnerId = partnerIdOf(principal);
    authorize(principal, 'endorsement.write', { partnerId });
    const answer = parseInput(respondInput, input);
    const invitation = await this.deps.invitations.get(invitationId);
    if (!invitation || invitation.partnerId !== partnerId)
      throw new NotFoundError('EndorsementInvitation', invitationId);
    if (invitation.status !== 'PENDING')
      throw new ConflictError('INVITATION_CLOSED', 'The invitation was already answered.');
    if (answer.accept) return this.accept(principal, invitation, answer);
    const next: Invitation = {
      ...invitation,
      status: 'DECLINED',
      respondedAt: this.deps.clock.now().toISOString(),
      ...(answer.reason ? { response: answer.reason } : {}),
      version: invitation.version + 1,
    };
    await this.deps.invitations.update(next, invitation.version, [
      this.event(EndorsementDeclined, next, principal),
    ]);
    return next;
  }

  /** Accepting submits the endorsement, which stores the invitation's acceptance with it. */
  private async accept(
    principal: Principal,
    invitation: Invitation,
    answer: z.output<typeof respondInput>,
  ): Promise<Invitation> {
    if (!answer.comment)
      throw new ValidationError('Accepting needs an endorsement comment.', [
        { path: 'input.comment', message: 'is required to accept' },
      ]);
    const endorsement = await this.deps.submit(principal, {
      microCredentialId: invitation.microCredentialId,
      comment: answer.comment,
      competencies: answer.competencies,
      invitationId: invitation.id,
    });
    return {
      ...invitation,
      status: 'ACCEPTED',
      endorsementId: endorsement.id,
      respondedAt: endorsement.issuedAt,
      version: invitation.version + 1,
    };
  }

  /** The partner's pending invitation for the design, if one was sent. */
  private async pendingFor(partnerId: string, microCredentialId: string) {
    return (
      (await this.deps.invitations.pendingFor(partnerId, microCredentialId)) ??
      // Invitations sent before pending ones were held by partner and design.
      (await this.deps.invitations.listByDesign(microCredentialId)).find(
        (candidate) => candidate.partnerId === partnerId && candidate.status === 'PENDING',
      )
    );
  }

  private event(
    kind: typeof EndorsementInvited | typeof EndorsementDeclined,
    invitation: Invitation,
    principal: Principal,
  ) {
    return kind.create(
      { partnerId: invitation.partnerId, microCredentialId: invitation.microCredentialId },
      {
        id: this.deps.ids.newId(),
        institutionId: invitation.institutionId,
        aggregateId: invitation.id,
        occurredAt: this.deps.clock.now().toISOString(),
        actor: actorOf(principal),
      },
    );
  }
}
