import { readCredential } from '../credential/document';
import type { JsonObject } from '../issuance/ports';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../credential/open-badge';
import type { PublicUrls } from '../shared/public-urls';
import type { Endorsement, Partner } from './model';
import type { ActivePartnerKey, AddDataIntegrityProof } from './ports';

/** What the platform needs to sign an EndorsementCredential with a partner's KMS key. */
export interface EndorsementSigning {
  readonly activeKey: ActivePartnerKey;
  readonly addProof: AddDataIntegrityProof;
  readonly urls: Pick<
    PublicUrls,
    'endorsement' | 'endorsementVersion' | 'partnerDid' | 'verificationMethod'
  >;
}

/** The statement a partner makes through the platform. */
export interface EndorsementStatement {
  readonly endorsementId: string;
  readonly partner: Partner;
  readonly target: { readonly name: string; readonly subjectId: string };
  readonly comment: string;
  readonly competencies: readonly string[];
  readonly now: Date;
  readonly expiresOn?: string;
}

/** Signs a partner's endorsement as an OB 3.0 EndorsementCredential with its own key. */
export async function signEndorsement(
  signing: EndorsementSigning,
  statement: EndorsementStatement,
): Promise<JsonObject> {
  const { partner, target, comment, competencies, now, expiresOn } = statement;
  const fullComment = competencies.length
    ? `${comment}\n\nVouches for: ${competencies.join(', ')}.`
    : comment;
  const unsigned: JsonObject = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: signing.urls.endorsement(statement.endorsementId),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${partner.name} endorses ${target.name}`,
    issuer: {
      id: signing.urls.partnerDid(partner.id),
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
  return signAsPartner(signing, partner.id, unsigned, now);
}

/**
 * The statement of a platform-signed endorsement (issuer, name, comment, dates) signed again
 * about one achievement version of the endorsed design, with the partner's current key.
 */
export async function signForVersion(
  signing: EndorsementSigning,
  endorsement: Endorsement,
  designVersion: number,
  achievementId: string,
  now: Date,
): Promise<JsonObject> {
  const { proof: _proof, ...original } = endorsement.credential;
  return signAsPartner(
    signing,
    endorsement.partnerId,
    {
      ...original,
      id: signing.urls.endorsementVersion(endorsement.id, designVersion),
      credentialSubject: { ...readCredential(original)!.subject, id: achievementId },
    },
    now,
  );
}

async function signAsPartner(
  signing: EndorsementSigning,
  partnerId: string,
  unsigned: JsonObject,
  now: Date,
): Promise<JsonObject> {
  const key = await signing.activeKey(partnerId);
  return signing.addProof(
    unsigned,
    {
      keyRef: key.keyRef,
      verificationMethod: signing.urls.verificationMethod('partner', partnerId, key.keyId),
    },
    now.toISOString(),
  );
}
