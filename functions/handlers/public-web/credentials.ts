import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { CredentialRecord } from '../../core/credential/credential';
import { isJsonObject, type JsonObject } from '../../core/credential/document';
import { credentialPage, notFoundPage, type PublicEvidence } from '../credential-page';
import { certificatePdf } from './certificate';
import { statusText } from './check-words';
import { text } from './layout';
import {
  binaryResponse,
  jsonResponse,
  negotiate,
  problem,
  svgHeaders,
  textResponse,
} from '../http';
import { learnerWalletOffer } from './wallet-offer';
import { htmlResponse, type PublicWebContext, type Response, type RouteHandlers } from './context';

/** Unknown and kept from this visitor alike: the answer does not tell which. */
const credentialNotFound = () =>
  problem(404, 'CREDENTIAL_NOT_FOUND', 'No credential here that you may see.');

/** The forms a credential URL serves, by the Accept header (the page by default). */
const credentialTypes = [
  'text/html',
  'application/ld+json',
  'application/json',
  'application/vc+ld+json',
  'application/jwt',
];

/** A public credential may be cached a minute; one seen through a share link never is. */
const cacheOf = (record: CredentialRecord) => (record.visibility === 'PUBLIC' ? 60 : undefined);

type CredentialRoutes = Pick<
  RouteHandlers,
  'credential' | 'credentialJwt' | 'credentialJson' | 'credentialBadge' | 'credentialCertificate'
>;

/**
 * A credential as its page, JSON-LD, VC-JWT or baked badge, to whoever may see it: anyone for
 * a public one, the holder of a valid share link otherwise.
 */
export function credentialRoutes(context: PublicWebContext): CredentialRoutes {
  const { services } = context;

  /** Finds a credential and decides whether this request may see it (visibility, share links). */
  const visible = async (id: string, event: APIGatewayProxyEventV2) => {
    const record = await services.credentials.find(id);
    if (!record) return null;
    const token = event.queryStringParameters?.share;
    const access = await services.shareAccess.access(record, token);
    return access.allowed ? { record, access, token } : null;
  };

  const document = async (id: string, format: string, event: APIGatewayProxyEventV2) => {
    const found = await visible(id, event);
    // A credential kept from this visitor is answered as one that does not exist.
    if (!found)
      return format === 'text/html' ? htmlResponse(notFoundPage(), 404) : credentialNotFound();
    const { record } = found;
    if (format === 'text/html') return credentialHtml(context, found, event);
    if (format === 'application/jwt')
      return textResponse(record.jwt, 'application/jwt', { maxAge: cacheOf(record) });
    return jsonResponse(record.credential, {
      contentType: format === 'application/json' ? 'application/json' : 'application/ld+json',
      maxAge: cacheOf(record),
    });
  };

  return {
    credential: ({ id }, event) =>
      document(id, negotiate(event.headers.accept, credentialTypes, 'text/html'), event),
    credentialJwt: ({ id }, event) => document(id, 'application/jwt', event),
    credentialJson: ({ id }, event) => document(id, 'application/ld+json', event),
    credentialBadge: async ({ id, format }, event) => {
      const found = await visible(id, event);
      if (!found) return credentialNotFound();
      const baked = await services.publicDocuments.bakedBadge(found.record, format);
      const maxAge = cacheOf(found.record);
      return typeof baked === 'string'
        ? textResponse(baked, 'image/svg+xml', { maxAge, headers: svgHeaders })
        : binaryResponse(baked, 'image/png', { maxAge, filename: `${id}.png` });
    },
    credentialCertificate: async ({ id }, event) => {
      const found = await visible(id, event);
      if (!found) return credentialNotFound();
      const { record } = found;
      const verification = await services.verification.verifyRecord(record);
      const pdf = await certificatePdf({
        record,
        url: context.urls.credential(record.id),
        endorsers: verification.endorsements
          .filter((endorsement) => endorsement.verified && !endorsement.withdrawn)
          .map((endorsement) => endorsement.issuerName ?? 'An industry partner'),
        ...(verification.status === 'ACTIVE'
          ? {}
          : { invalidReason: statusText[verification.status]?.label }),
      });
      return binaryResponse(pdf, 'application/pdf', {
        maxAge: cacheOf(record),
        filename: `${id}-certificate.pdf`,
      });
    },
  };
}

/**
 * The credential's page, with its checks run live on the record already read (its status comes
 * from that record, not from a second read).
 */
async function credentialHtml(
  context: PublicWebContext,
  found: {
    record: CredentialRecord;
    access: { linkExpiresAt?: string };
    token: string | undefined;
  },
  event: APIGatewayProxyEventV2,
): Promise<Response> {
  const { services, urls, clock } = context;
  const { record, access, token } = found;
  const [verification, parts, publicEvidence, walletOffer] = await Promise.all([
    services.verification.verifyRecord(record),
    partsOf(services, record.parts),
    publicEvidenceOf(services, urls, record),
    learnerWalletOffer(context, record, event),
  ]);
  const body = credentialPage({
    record,
    url: urls.credential(record.id),
    verification,
    shareQuery:
      token && record.visibility !== 'PUBLIC' ? `?share=${encodeURIComponent(token)}` : '',
    linkExpiresAt: access.linkExpiresAt,
    now: clock.now(),
    publicParts: new Set(parts.filter((part) => part.visibility === 'PUBLIC').map((p) => p.id)),
    partsExpireOn: parts
      .map((part) => part.validUntil)
      .filter((date): date is string => Boolean(date))
      .sort()[0],
    issuerPage: urls.issuerProfile(record.institutionId),
    publicEvidence,
    walletOffer,
  });
  return htmlResponse(body, 200, true);
}

/** The records of a stacked credential's parts (only public ones are linked on the page). */
async function partsOf(
  services: PublicWebContext['services'],
  ids: readonly string[],
): Promise<CredentialRecord[]> {
  const parts = await Promise.all(ids.slice(0, 20).map((part) => services.credentials.find(part)));
  return parts.filter((part): part is CredentialRecord => part !== null);
}

/**
 * The credential's evidence entries whose submission its learner made public, each checked
 * against the evidence store: an entry the learner keeps private is never shown.
 */
async function publicEvidenceOf(
  services: PublicWebContext['services'],
  urls: PublicWebContext['urls'],
  record: CredentialRecord,
): Promise<PublicEvidence[]> {
  const entries = Array.isArray(record.credential.evidence) ? record.credential.evidence : [];
  const candidates = (entries as JsonObject[])
    .filter((entry) => isJsonObject(entry) && entry.genre !== 'Credential')
    .map((entry) => ({ entry, route: urls.parse(text(entry.id)) }))
    .filter(({ route }) => route?.kind === 'evidence')
    .slice(0, 10);
  const shown = await Promise.all(
    candidates.map(async ({ entry, route }) => {
      const id = (route as { params: { id: string } }).params.id;
      const submission = await services.learning.evidence.publicEvidence(id);
      if (!submission) return null;
      return {
        name: text(entry.name),
        description: text(entry.description),
        url: urls.evidence(id),
      };
    }),
  );
  return shown.filter((entry): entry is PublicEvidence => entry !== null);
}
