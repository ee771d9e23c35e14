import * as z from 'zod';
import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { identifier, limits, parseInput, requiredText } from '../shared/validation';
import { signEndorsement, type EndorsementSigning } from './endorsement-signing';
import {
  designTarget,
  institutionTarget,
  type EndorsementTarget,
  type EndorsementTargetsDeps,
} from './endorsement-targets';
import { EndorsementSubmitted } from './events';
import { isExpired, partnerIdOf, type Endorsement, type Invitation, type Partner } from './model';
import type { EndorsementRepository, InvitationRepository, PartnerRepository } from './ports';
import {
  acceptSelfSigned,
  type SelfSignedDeps,
  type SignedEndorsement,
} from './self-signed-endorsement';

const submitInput = z
  .strictObject({
    microCredentialId: identifier().optional(),
    institutionId: identifier().optional(),
    comment: requiredText(limits.description).optional(),
    competencies: z.array(requiredText(limits.name)).max(50).default([]),
    expiresOn: z.iso.datetime({ offset: true }).optional(),
    /** An EndorsementCredential the partner signed itself. */
    credential: z.record(z.string(), z.unknown()).optional(),
    invitationId: identifier().optional(),
  })
  .refine(
    (value) => (value.microCredentialId === undefined) !== (value.institutionId === undefined),
    {
      message: 'endorse exactly one of microCredentialId or institutionId',
    },
  )
  .refine((value) => value.comment !== undefined || value.credential !== undefined, {
    message: 'give a comment, or an EndorsementCredential you signed',
  })
  .refine(
    (value) =>
      value.credential === undefined ||
      (value.comment === undefined &&
        value.competencies.length === 0 &&
        value.expiresOn === undefined),
    {
      // A self-signed endorsement says what it says: its comment and validUntil are signed.
      message:
        'with a signed credential, give no comment, competencies or expiresAt: they come from the credential',
    },
  );
type SubmitRequest = z.output<typeof submitInput>;

export interface EndorsementSubmissionDeps
  extends EndorsementTargetsDeps, EndorsementSigning, SelfSignedDeps {
  readonly endorsements: Pick<EndorsementRepository, 'add' | 'activeBy' | 'findByCredentialId'>;
  readonly invitations: Pick<InvitationRepository, 'get'>;
  readonly partners: Pick<PartnerRepository, 'get'>;
  readonly urls: EndorsementTargetsDeps['urls'] &
    EndorsementSigning['urls'] &
    SelfSignedDeps['urls'];
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * A partner endorses a design (or an institution) it is linked to: with a comment, signed as
 * an OB 3.0 EndorsementCredential with the partner's KMS key, or with an EndorsementCredential
 * it signed itself (verified before it is accepted). A partner holds one active endorsement per
 * target; answering an invitation stores its acceptance with the endorsement.
 */
export class EndorsementSubmission {
  constructor(private readonly deps: EndorsementSubmissionDeps) {}

  async submit(principal: Principal, input: unknown): Promise<Endorsement> {
    const partnerId = partnerIdOf(principal);
    authorize(principal, 'endorsement.write', { partnerId });
    const request = parseInput(submitInput, input);
    const partner = await this.requirePartner(partnerId);
    const invitation = request.invitationId
      ? await this.openInvitation(request.invitationId, partnerId, request.microCredentialId)
      : undefined;
    const target = await this.linkedTarget(partner, request);
    const now = this.deps.clock.now();
    if (request.expiresOn && Date.parse(request.expiresOn) <= now.getTime()) {
      throw new ValidationError('The expiry must be in the future.', [
        { path: 'input.expiresAt', message: 'is not in the future' },
      ]);
    }
    // A partner holds one active endorsement per target. The same request again (a retry after
    // a lost answer) returns that endorsement; a different one must withdraw it first. A
    // self-signed credential is verified before anything else is said about it.
    const current = async () => {
      const held = await this.deps.endorsements.activeBy(partnerId, target);
      return held && !isExpired(held, now) ? held : undefined;
    };
    const selfSigned = request.credential
      ? await acceptSelfSigned(this.deps, request.credential, partner, target)
      : undefined;
    const existing = await current();
    if (existing) return resubmitted(existing, request, selfSigned);
    const endorsement = await this.newEndorsement(partner, target, request, selfSigned, now);
    try {
      await this.store(endorsement, principal, invitation);
    } catch (error) {
      // Submitted twice at the same moment (a retry before the first answer): the first stored.
      const stored =
        error instanceof ConflictError && error.code === 'ENDORSEMENT_EXISTS'
          ? await current()
          : undefined;
      if (stored) return resubmitted(stored, request, selfSigned);
      throw error;
    }
    return endorsement;
  }

  /** The pending invitation a submission answers, for the design it endorses. */
  private async openInvitation(
    invitationId: string,
    partnerId: string,
    microCredentialId: string | undefined,
  ): Promise<Invitation> {
    const invitation = await this.deps.invitations.get(invitationId);
    if (!invitation || invitation.partnerId !== partnerId)
      throw new NotFoundError('EndorsementInvitation', invitationId);
    if (invitation.status !== 'PENDING')
      throw new ConflictError('INVITATION_CLOSED', 'The invitation was already answered.');
    if (invitation.microCredentialId !== microCredentialId) {
      throw new ValidationError('The invitation is for another micro-credential.', [
        { path: 'input.invitationId', message: 'does not match microCredentialId' },
      ]);
    }
    return invitation;
  }

  /** The target endorsed, which must belong to an institution the partner is linked to. */
  private async linkedTarget(partner: Partner, request: SubmitRequest) {
    const target = request.microCredentialId
      ? await designTarget(this.deps, request.microCredentialId)
      : await institutionTarget(this.deps, request.institutionId!);
    if (!partner.institutionIds.includes(target.institutionId)) {
      throw new ForbiddenError(
        'The partner is not linked to this institution.',
        'PARTNER_NOT_LINKED',
      );
    }
    return target;
  }

  /**
   * The stored record follows what was signed: a self-signed credential's own comment and
   * validUntil; the platform signs exactly the request's comment, competencies and expiry.
   */
  private async newEndorsement(
    partner: Partner,
    target: EndorsementTarget,
    request: SubmitRequest,
    selfSigned: SignedEndorsement | undefined,
    now: Date,
  ): Promise<Endorsement> {
    const id = this.deps.ids.newId();
    const signed: SignedEndorsement = selfSigned ?? {
      credential: await signEndorsement(this.deps, {
        endorsementId: id,
        partner,
        target,
        comment: request.comment!,
        competencies: request.competencies,
        now,
        ...(request.expiresOn ? { expiresOn: request.expiresOn } : {}),
      }),
      comment: request.comment!,
      ...(request.expiresOn ? { expiresOn: new Date(request.expiresOn).toISOString() } : {}),
    };
    return {
      id,
      partnerId: partner.id,
      institutionId: target.institutionId,
      target: { kind: target.kind, id: target.id },
      comment: signed.comment,
      competencies: request.credential ? [] : request.competencies,
      status: 'ACTIVE',
      selfSigned: request.credential !== undefined,
      credential: signed.credential,
      issuedAt: now.toISOString(),
      ...(signed.expiresOn ? { expiresOn: signed.expiresOn } : {}),
      ...(request.invitationId ? { invitationId: request.invitationId } : {}),
      version: 1,
    };
  }

  /** Stores the endorsement with its event, and the invitation it accepts, in one write. */
  private async store(
    endorsement: Endorsement,
    principal: Principal,
    invitation: Invitation | undefined,
  ): Promise<void> {
    await this.deps.endorsements.add(
      endorsement,
      [
        EndorsementSubmitted.create(
          { partnerId: endorsement.partnerId, target: endorsement.target },
          {
            id: this.deps.ids.newId(),
            institutionId: endorsement.institutionId,
            aggregateId: endorsement.id,
            occurredAt: this.deps.clock.now().toISOString(),
            actor: actorOf(principal),
          },
        ),
      ],
      invitation
        ? {
            next: {
              ...invitation,
              status: 'ACCEPTED',
              respondedAt: endorsement.issuedAt,
              endorsementId: endorsement.id,
              version: invitation.version + 1,
            },
            expectedVersion: invitation.version,
          }
        : undefined,
    );
  }

  private async requirePartner(id: string): Promise<Partner> {
    const partner = await this.deps.partners.get(id);
    if (!partner) throw new NotFoundError('Partner', id);
    return partner;
  }
}

/**
 * A submission while the partner's active endorsement of the target is `current`: the same
 * request again returns it; anything else is refused until it is withdrawn.
 */
function resubmitted(
  current: Endorsement,
  request: SubmitRequest,
  selfSigned: SignedEndorsement | undefined,
): Endorsement {
  if (selfSigned && current.credential.id === selfSigned.credential.id)
    throw new ConflictError(
      'ENDORSEMENT_DUPLICATE',
      'This endorsement credential was already submitted.',
    );
  const sameRequest =
    !selfSigned &&
    current.comment === request.comment &&
    JSON.stringify(current.competencies) === JSON.stringify(request.competencies) &&
    (current.expiresOn ?? null) ===
      (request.expiresOn ? new Date(request.expiresOn).toISOString() : null);
  if (sameRequest) return current;
  throw new ConflictError(
    'ENDORSEMENT_EXISTS',
    `The partner already endorses this (endorsement ${current.id}); withdraw it before endorsing again.`,
  );
}
