import * as z from 'zod';
import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { InstitutionRepository } from '../institutions/ports';
import type { CredentialRepository, CredentialSigner, JsonObject } from '../issuance/ports';
import { VC_V2_CONTEXT, OB_V3_CONTEXT } from '../credential/open-badge';
import type { KeyService } from '../keys/key-service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { pageRequest } from '../shared/paging';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, limits, parseInput, requiredText, text } from '../shared/validation';
import type { Presented, VerificationResult } from '../verification/model';
import { isCounting, isExpired, type Endorsement, type Invitation, type Partner } from './model';

/** What a self-signed EndorsementCredential determines of the stored endorsement. */
interface SignedEndorsement {
  readonly credential: JsonObject;
  readonly comment: string;
  readonly expiresOn?: string;
}
import type { EndorsementRepository, InvitationRepository, PartnerRepository } from './ports';

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

/** Verifies a credential a partner presents (supplied by verification). */
export type VerifyPresented = (presented: Presented) => Promise<VerificationResult>;

export interface EndorsementServiceDeps {
  readonly endorsements: EndorsementRepository;
  readonly invitations: InvitationRepository;
  readonly partners: PartnerRepository;
  readonly designs: MicroCredentialRepository;
  readonly institutions: InstitutionRepository;
  readonly credentials: CredentialRepository;
  readonly keys: KeyService;
  readonly signer: CredentialSigner;
  readonly verifyPresented: VerifyPresented;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Credentials issued under one endorsed design (counts only, never learner data). */
export interface EndorsedDesignStatistics {
  readonly microCredentialId: string;
  readonly name: string;
  readonly endorsementId: string;
  readonly credentialsIssued: number;
}

/**
 * Industry endorsements through the API: a partner endorses a design (or an institution) with
 * a comment, signed as an OB 3.0 EndorsementCredential with the partner's KMS key, or submits
 * one it signed itself (verified before it is accepted). Withdrawn endorsements stop counting
 * and stay on record. Institutions invite partners to endorse specific designs.
 */
export class EndorsementService {
  constructor(private readonly deps: EndorsementServiceDeps) {}

  async submit(principal: Principal, input: unknown): Promise<Endorsement> {
    const partnerId = partnerOf(principal);
    authorize(principal, 'endorsement.write', { partnerId });
    const request = parseInput(submitInput, input);
    const partner = await this.requirePartner(partnerId);
    let invitation: Invitation | undefined;
    if (request.invitationId) {
      invitation = await this.requireInvitation(request.invitationId, partnerId);
      if (invitation.status !== 'PENDING')
        throw new ConflictError('INVITATION_CLOSED', 'The invitation was already answered.');
      if (invitation.microCredentialId !== request.microCredentialId) {
        throw new ValidationError('The invitation is for another micro-credential.', [
          { path: 'input.invitationId', message: 'does not match microCredentialId' },
        ]);
      }
    }
    const target = request.microCredentialId
      ? await this.designTarget(request.microCredentialId)
      : await this.institutionTarget(request.institutionId!);
    if (!partner.institutionIds.includes(target.institutionId)) {
      throw new ForbiddenError(
        'The partner is not linked to this institution.',
        'PARTNER_NOT_LINKED',
      );
    }
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
      ? await this.acceptSelfSigned(request.credential, partner, target)
      : undefined;
    const existing = await current();
    if (existing) return this.resubmitted(existing, request, selfSigned);
    const id = this.deps.ids.newId();
    // The stored record follows what was signed: a self-signed credential's own comment and
    // validUntil; the platform signs exactly the request's comment, competencies and expiry.
    const signed: SignedEndorsement = selfSigned
      ? selfSigned
      : {
          credential: await this.sign(
            id,
            partner,
            target,
            request.comment!,
            request.competencies,
            now,
            request.expiresOn,
          ),
          comment: request.comment!,
          ...(request.expiresOn ? { expiresOn: new Date(request.expiresOn).toISOString() } : {}),
        };
    const endorsement: Endorsement = {
      id,
      partnerId,
      institutionId: target.institutionId,
      target: { kind: target.kind, id: target.id },
      comment: signed.comment,
      competencies: request.credential ? [] : request.competencies,
      status: 'ACTIVE',
      selfSigned: request.credential !== undefined,
      credential: signed.credential,
      issuedAt: now.toISOString(),
      ...(signed.expiresOn ? { expiresOn: signed.expiresOn } : {}),
      ...(invitation ? { invitationId: invitation.id } : {}),
      version: 1,
    };
    try {
      await this.deps.endorsements.add(
        endorsement,
        [this.event('endorsement.submitted', endorsement, principal)],
        invitation
          ? {
              next: {
                ...invitation,
                status: 'ACCEPTED',
                respondedAt: now.toISOString(),
                endorsementId: id,
                version: invitation.version + 1,
              },
              expectedVersion: invitation.version,
            }
          : undefined,
      );
    } catch (error) {
      // Submitted twice at the same moment (a retry before the first answer): the first stored.
      const stored =
        error instanceof ConflictError && error.code === 'ENDORSEMENT_EXISTS'
          ? await current()
          : undefined;
      if (stored) return this.resubmitted(stored, request, selfSigned);
      throw error;
    }
    return endorsement;
  }

  /**
   * A submission while the partner's active endorsement of the target is `current`: the same
   * request again returns it; anything else is refused until it is withdrawn.
   */
  private resubmitted(
    current: Endorsement,
    request: z.output<typeof submitInput>,
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

  /** Withdraws an endorsement: it stops counting, stays on record, and verifiers see it withdrawn. */
  async withdraw(principal: Principal, id: string, reason?: string | null): Promise<Endorsement> {
    const endorsement = await this.require(id);
    authorize(principal, 'endorsement.write', { partnerId: endorsement.partnerId });
    const why = parseInput(text(limits.shortText).optional(), reason ?? undefined, 'reason');
    if (endorsement.status === 'WITHDRAWN') return endorsement;
    const next: Endorsement = {
      ...endorsement,
      status: 'WITHDRAWN',
      withdrawnAt: this.deps.clock.now().toISOString(),
      withdrawalReason: why,
      version: endorsement.version + 1,
    };
    await this.deps.endorsements.update(next, endorsement.version, [
      this.event('endorsement.withdrawn', next, principal),
    ]);
    return next;
  }

  async get(id: string): Promise<Endorsement> {
    return this.require(id);
  }

  /** Whether the endorsement is past its expiry now. */
  isExpired(endorsement: Endorsement): boolean {
    return isExpired(endorsement, this.deps.clock.now());
  }

  async find(id: string): Promise<Endorsement | null> {
    return this.deps.endorsements.get(id);
  }

  /** What the calling partner endorsed, newest first. */
  async mine(
    principal: Principal,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Endorsement>> {
    const partnerId = partnerOf(principal);
    authorize(principal, 'endorsement.read', { partnerId });
    return this.deps.endorsements.listByPartner(partnerId, pageRequest(first, after));
  }

  /** Public: the endorsements of a design (active and withdrawn). */
  async forDesign(microCredentialId: string): Promise<Endorsement[]> {
    return this.deps.endorsements.listByTarget('MICRO_CREDENTIAL', microCredentialId);
  }

  /**
   * The EndorsementCredentials embedded in an achievement version at issuance: those of the
   * design's endorsements that count now, each naming that version (`/achievements/{id}/v{n}`)
   * as its subject, so a verifier can match it to the achievement that carries it. A partner
   * endorses the design, every version of it; for a version its credential does not name, the
   * platform signs the same statement for that version with the partner's key (once: it is
   * stored and reused). A credential the partner signed itself names one version and is
   * embedded in that version only.
   */
  async credentialsFor(microCredentialId: string, designVersion: number): Promise<JsonObject[]> {
    const achievementId = this.deps.urls.achievement(microCredentialId, designVersion);
    const now = this.deps.clock.now();
    const counting = (await this.forDesign(microCredentialId)).filter((endorsement) =>
      isCounting(endorsement, now),
    );
    const credentials: JsonObject[] = [];
    for (const endorsement of counting) {
      if (subjectIdOf(endorsement.credential) === achievementId)
        credentials.push(endorsement.credential);
      else if (!endorsement.selfSigned)
        credentials.push(await this.versionCredential(endorsement, designVersion, achievementId));
    }
    return credentials;
  }

  /** A platform-signed endorsement's credential for one achievement version (signed once). */
  private async versionCredential(
    endorsement: Endorsement,
    designVersion: number,
    achievementId: string,
  ): Promise<JsonObject> {
    const stored = await this.deps.endorsements.getVersionCredential(endorsement.id, designVersion);
    if (stored) return stored;
    const { proof: _proof, ...original } = endorsement.credential;
    const key = await this.deps.keys.activeKey(
      { ownerKind: 'partner', ownerId: endorsement.partnerId },
      'Ed25519',
    );
    // The statement the partner made (issuer, name, comment, dates), about this version.
    const signed = await this.deps.signer.addDataIntegrityProof(
      {
        ...original,
        id: this.deps.urls.endorsementVersion(endorsement.id, designVersion),
        credentialSubject: {
          ...(original.credentialSubject as JsonObject),
          id: achievementId,
        },
      },
      {
        keyRef: key.keyRef,
        verificationMethod: this.deps.urls.verificationMethod(
          'partner',
          endorsement.partnerId,
          key.keyId,
        ),
      },
      this.deps.clock.now().toISOString(),
    );
    return this.deps.endorsements.addVersionCredential(endorsement.id, designVersion, signed);
  }

  /** The credential of an endorsement for one achievement version, as served at its URL. */
  async findVersionCredential(id: string, designVersion: number): Promise<JsonObject | null> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id) || !Number.isSafeInteger(designVersion)) return null;
    return this.deps.endorsements.getVersionCredential(id, designVersion);
  }

  /**
   * The publishing gate: how many distinct partners endorse the design now (active and not
   * expired; a partner endorsing twice counts once) and how many its institution requires.
   */
  async gate(
    microCredentialId: string,
    institutionId: string,
  ): Promise<{ required: number; active: number }> {
    const institution = await this.deps.institutions.get(institutionId);
    const now = this.deps.clock.now();
    const partners = new Set(
      (await this.forDesign(microCredentialId))
        .filter((endorsement) => isCounting(endorsement, now))
        .map((endorsement) => endorsement.partnerId),
    );
    return { required: institution?.settings.requiredEndorsements ?? 1, active: partners.size };
  }

  /** Whether the EndorsementCredential with this `id` was withdrawn here (see `endorsementWithdrawals`). */
  isWithdrawn(credentialId: string, issuerId?: string): Promise<boolean> {
    return endorsementWithdrawals(this.deps)(credentialId, issuerId);
  }

  /** An institution asks a linked partner to endorse one of its designs. */
  async invite(principal: Principal, input: unknown): Promise<Invitation> {
    const { microCredentialId, partnerId, message } = parseInput(inviteInput, input);
    const design = await this.deps.designs.get(microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
    authorize(principal, 'endorsement.invite', { institutionId: design.institutionId });
    const partner = await this.requirePartner(partnerId);
    if (!partner.institutionIds.includes(design.institutionId)) {
      throw new ForbiddenError(
        'The partner is not linked to this institution.',
        'PARTNER_NOT_LINKED',
      );
    }
    const pending =
      (await this.deps.invitations.pendingFor(partnerId, microCredentialId)) ??
      // Invitations sent before pending ones were held by partner and design.
      (await this.deps.invitations.listByDesign(microCredentialId)).find(
        (candidate) => candidate.partnerId === partnerId && candidate.status === 'PENDING',
      );
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
        this.invitationEvent('endorsement.invited', invitation, principal),
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
  async invitations(
    principal: Principal,
    status?: Invitation['status'] | null,
  ): Promise<Invitation[]> {
    const partnerId = partnerOf(principal);
    authorize(principal, 'endorsement.read', { partnerId });
    return this.deps.invitations.listByPartner(partnerId, status ?? 'PENDING');
  }

  /** Invitations an institution sent for one design (staff). */
  async invitationsForDesign(
    principal: Principal,
    microCredentialId: string,
  ): Promise<Invitation[]> {
    const design = await this.deps.designs.get(microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
    authorize(principal, 'microCredential.readDraft', { institutionId: design.institutionId });
    return this.deps.invitations.listByDesign(microCredentialId);
  }

  /** Accepting endorses the design; declining records the reason. */
  async respond(principal: Principal, invitationId: string, input: unknown): Promise<Invitation> {
    const partnerId = partnerOf(principal);
    authorize(principal, 'endorsement.write', { partnerId });
    const answer = parseInput(respondInput, input);
    const invitation = await this.requireInvitation(invitationId, partnerId);
    if (invitation.status !== 'PENDING')
      throw new ConflictError('INVITATION_CLOSED', 'The invitation was already answered.');
    if (answer.accept) {
      if (!answer.comment)
        throw new ValidationError('Accepting needs an endorsement comment.', [
          { path: 'input.comment', message: 'is required to accept' },
        ]);
      const endorsement = await this.submit(principal, {
        microCredentialId: invitation.microCredentialId,
        comment: answer.comment,
        competencies: answer.competencies,
        invitationId,
      });
      return {
        ...invitation,
        status: 'ACCEPTED',
        endorsementId: endorsement.id,
        respondedAt: endorsement.issuedAt,
        version: invitation.version + 1,
      };
    }
    const next: Invitation = {
      ...invitation,
      status: 'DECLINED',
      respondedAt: this.deps.clock.now().toISOString(),
      ...(answer.reason ? { response: answer.reason } : {}),
      version: invitation.version + 1,
    };
    await this.deps.invitations.update(next, invitation.version, [
      this.invitationEvent('endorsement.declined', next, principal),
    ]);
    return next;
  }

  /** Credentials issued under the designs the partner endorses (counts only). */
  async statistics(principal: Principal): Promise<EndorsedDesignStatistics[]> {
    const partnerId = partnerOf(principal);
    authorize(principal, 'endorsement.read', { partnerId });
    const endorsements: Endorsement[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Endorsement> = await this.deps.endorsements.listByPartner(partnerId, {
        limit: 100,
        cursor,
      });
      endorsements.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && endorsements.length < 1_000);
    const designs = endorsements.filter(
      (endorsement) =>
        endorsement.target.kind === 'MICRO_CREDENTIAL' && endorsement.status === 'ACTIVE',
    );
    return Promise.all(
      designs.map(async (endorsement) => {
        const design = await this.deps.designs.getPublished(endorsement.target.id);
        return {
          microCredentialId: endorsement.target.id,
          name:
            design?.content.name ??
            (await this.deps.designs.get(endorsement.target.id))?.content.name ??
            '',
          endorsementId: endorsement.id,
          credentialsIssued: await this.deps.credentials.countByDesign(endorsement.target.id),
        };
      }),
    );
  }

  private async designTarget(microCredentialId: string) {
    const design = await this.deps.designs.get(microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
    if (design.status === 'RETIRED')
      throw new ConflictError('DESIGN_RETIRED', 'A retired design cannot be endorsed.');
    return {
      kind: 'MICRO_CREDENTIAL' as const,
      id: design.id,
      institutionId: design.institutionId,
      name: design.content.name,
      // The version the partner reads now; other versions get their own credential at issuance.
      subjectId: this.deps.urls.achievement(design.id, design.designVersion),
      /** Subjects a self-signed credential may name: any version of the design so far. */
      subjectIds: Array.from({ length: design.designVersion }, (_, index) =>
        this.deps.urls.achievement(design.id, index + 1),
      ),
    };
  }

  private async institutionTarget(institutionId: string) {
    const institution = await this.deps.institutions.get(institutionId);
    if (!institution) throw new NotFoundError('Institution', institutionId);
    return {
      kind: 'INSTITUTION' as const,
      id: institution.id,
      institutionId: institution.id,
      name: institution.name,
      subjectId: this.deps.urls.issuerDid(institution.id),
      subjectIds: [this.deps.urls.issuerDid(institution.id)],
    };
  }

  private async sign(
    id: string,
    partner: Partner,
    target: { kind: Endorsement['target']['kind']; name: string; subjectId: string },
    comment: string,
    competencies: readonly string[],
    now: Date,
    expiresOn?: string,
  ): Promise<JsonObject> {
    const key = await this.deps.keys.activeKey(
      { ownerKind: 'partner', ownerId: partner.id },
      'Ed25519',
    );
    const fullComment = competencies.length
      ? `${comment}\n\nVouches for: ${competencies.join(', ')}.`
      : comment;
    const unsigned: JsonObject = {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: this.deps.urls.endorsement(id),
      type: ['VerifiableCredential', 'EndorsementCredential'],
      name: `${partner.name} endorses ${target.name}`,
      issuer: {
        id: this.deps.urls.partnerDid(partner.id),
        type: ['Profile'],
        name: partner.name,
        url: partner.url,
        ...(partner.email ? { email: partner.email } : {}),
        ...(partner.description ? { description: partner.description } : {}),
      },
      validFrom: now.toISOString(),
      ...(expiresOn ? { validUntil: new Date(expiresOn).toISOString() } : {}),
      credentialSubject: {
        id: target.subjectId,
        type: ['EndorsementSubject'],
        endorsementComment: fullComment,
      },
    };
    return this.deps.signer.addDataIntegrityProof(
      unsigned,
      {
        keyRef: key.keyRef,
        verificationMethod: this.deps.urls.verificationMethod('partner', partner.id, key.keyId),
      },
      now.toISOString(),
    );
  }

  /**
   * Verifies a partner-signed EndorsementCredential before accepting it, and reads what the
   * stored record keeps of it (comment, expiry). A credential id is accepted once.
   */
  private async acceptSelfSigned(
    credential: JsonObject,
    partner: Partner,
    target: { subjectId: string; subjectIds: readonly string[] },
  ): Promise<SignedEndorsement> {
    const id = credential.id;
    const idProblem =
      typeof id !== 'string' || id.length === 0 || id.length > maxCredentialIdLength
        ? `id: required, at most ${maxCredentialIdLength} characters`
        : id.startsWith(`${this.deps.urls.base}/`)
          ? 'id: must not be one of the URLs this platform mints'
          : undefined;
    const result = await this.deps.verifyPresented({ format: 'JSON-LD', credential });
    const types = Array.isArray(credential.type) ? credential.type : [credential.type];
    const subject = credential.credentialSubject as { id?: unknown } | undefined;
    const issuer = issuerOf(credential);
    const allowedIssuers = [partner.did, this.deps.urls.partnerDid(partner.id)].filter(Boolean);
    const validUntil = stringOf(credential.validUntil) ?? stringOf(credential.expirationDate);
    const problems = [
      ...(idProblem ? [idProblem] : []),
      ...(result.verified
        ? []
        : result.checks
            // A withdrawn credential was submitted before: answered as a duplicate below.
            .filter((check) => check.status === 'FAIL' && check.name !== 'withdrawal')
            .map((check) => `${check.name}: ${check.message}`)),
      ...(types.includes('EndorsementCredential') ? [] : ['type: not an EndorsementCredential']),
      ...(typeof subject?.id === 'string' && target.subjectIds.includes(subject.id)
        ? []
        : [
            `credentialSubject.id: must be ${target.subjectId}${target.subjectIds.length > 1 ? ' (or an earlier version of it)' : ''}`,
          ]),
      ...(typeof issuer === 'string' && allowedIssuers.includes(issuer)
        ? []
        : ["issuer: not the partner's DID"]),
      ...(validUntil === undefined || !Number.isNaN(Date.parse(validUntil))
        ? []
        : ['validUntil: not a date-time']),
    ];
    if (problems.length || typeof id !== 'string') {
      throw new ValidationError(
        `The endorsement credential was not accepted: ${problems.join('; ')}.`,
        [{ path: 'input.credential', message: problems.join('; ') }],
        'ENDORSEMENT_INVALID',
      );
    }
    // Checked again in the transaction that stores it; this one answers early and clearly.
    if (await this.deps.endorsements.findByCredentialId(id)) throw duplicateEndorsement();
    return {
      credential,
      comment: commentOf(credential),
      ...(validUntil ? { expiresOn: new Date(validUntil).toISOString() } : {}),
    };
  }

  private event(type: string, endorsement: Endorsement, principal: Principal): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: endorsement.institutionId,
      aggregateType: 'Endorsement',
      aggregateId: endorsement.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
      data: { partnerId: endorsement.partnerId, target: endorsement.target },
    };
  }

  private invitationEvent(type: string, invitation: Invitation, principal: Principal): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: invitation.institutionId,
      aggregateType: 'EndorsementInvitation',
      aggregateId: invitation.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
      data: { partnerId: invitation.partnerId, microCredentialId: invitation.microCredentialId },
    };
  }

  private async require(id: string): Promise<Endorsement> {
    const endorsement = await this.deps.endorsements.get(id);
    if (!endorsement) throw new NotFoundError('Endorsement', id);
    return endorsement;
  }

  private async requirePartner(id: string): Promise<Partner> {
    const partner = await this.deps.partners.get(id);
    if (!partner) throw new NotFoundError('Partner', id);
    return partner;
  }

  private async requireInvitation(id: string, partnerId: string): Promise<Invitation> {
    const invitation = await this.deps.invitations.get(id);
    if (!invitation || invitation.partnerId !== partnerId)
      throw new NotFoundError('EndorsementInvitation', id);
    return invitation;
  }
}

/** The longest credential id accepted (and looked up for withdrawal). */
const maxCredentialIdLength = 2_048;

const duplicateEndorsement = () =>
  new ConflictError(
    'ENDORSEMENT_DUPLICATE',
    'An endorsement with this credential id was already submitted; sign a new credential (with a new id) instead.',
  );

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The issuer id of a credential (`issuer` as a string or a Profile). */
function issuerOf(credential: JsonObject): string | undefined {
  if (typeof credential.issuer === 'string') return credential.issuer;
  return stringOf((credential.issuer as { id?: unknown } | undefined)?.id);
}

/** The partner a caller acts for (an API key, or a partner admin); '' when none. */
function partnerOf(principal: Principal): string {
  if (principal.kind === 'partner') return principal.partnerId;
  if (principal.kind === 'user' && principal.partnerId) return principal.partnerId;
  return '';
}

function subjectIdOf(credential: JsonObject): string | undefined {
  return stringOf((credential.credentialSubject as { id?: unknown } | undefined)?.id);
}

function commentOf(credential: JsonObject): string {
  const subject = credential.credentialSubject as { endorsementComment?: unknown } | undefined;
  return typeof subject?.endorsementComment === 'string' ? subject.endorsementComment : '';
}

/**
 * Whether the EndorsementCredential with this `id` was withdrawn here: looked up by the
 * credential's own id, so it works for platform-signed (our URL) and self-signed (any IRI,
 * e.g. `urn:uuid:…`) endorsements alike. With `issuerId`, only a withdrawal of a credential
 * from that issuer counts, so nobody can withdraw someone else's credential by reusing its id.
 */
export function endorsementWithdrawals(
  deps: Pick<EndorsementServiceDeps, 'endorsements' | 'urls'>,
) {
  /**
   * Endorsements named by our own URL: those stored before the credential-id index existed
   * (`/endorsements/{id}`), and the credentials signed for an achievement version
   * (`/endorsements/{id}/v{n}`), which share their endorsement's withdrawal.
   */
  const byPlatformUrl = async (credentialId: string): Promise<Endorsement | null> => {
    const prefix = `${deps.urls.base}/endorsements/`;
    if (!credentialId.startsWith(prefix)) return null;
    const match = /^([^/]+)(?:\/v(\d{1,6}))?$/.exec(credentialId.slice(prefix.length));
    const id = match ? decodeURIComponent(match[1]!) : '';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
    const endorsement = await deps.endorsements.get(id);
    if (!endorsement) return null;
    const named = match?.[2]
      ? deps.urls.endorsementVersion(id, Number(match[2]))
      : endorsement.credential.id;
    return named === credentialId ? endorsement : null;
  };
  return async (credentialId: string, issuerId?: string): Promise<boolean> => {
    if (credentialId.length === 0 || credentialId.length > maxCredentialIdLength) return false;
    const endorsement =
      (await deps.endorsements.findByCredentialId(credentialId)) ??
      (await byPlatformUrl(credentialId));
    if (endorsement?.status !== 'WITHDRAWN') return false;
    return issuerId === undefined || issuerOf(endorsement.credential) === issuerId;
  };
}
