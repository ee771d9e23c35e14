import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { statusPurposes } from '../core/credential/credential';
import { DomainError } from '../core/shared/errors';
import { platformOwnerId } from '../core/shared/owners';
import type { Container } from '../composition/container';
import {
  credentialPage,
  evidenceNotFoundPage,
  evidencePage,
  notFoundPage,
} from './credential-page';
import {
  binaryResponse,
  domainProblem,
  jsonResponse,
  negotiate,
  problem,
  svgHeaders,
  textResponse,
} from './http';

type Route = {
  readonly pattern: RegExp;
  readonly handle: (
    match: string[],
    event: APIGatewayProxyEventV2,
  ) => Promise<APIGatewayProxyStructuredResultV2>;
};

const htmlType = 'text/html; charset=utf-8';
/** Pages run no scripts and load nothing but images and inline styles. */
const pageHeaders = {
  'content-security-policy':
    "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

/** Unknown and kept from this visitor alike: the answer does not tell which. */
const credentialNotFound = () =>
  problem(404, 'CREDENTIAL_NOT_FOUND', 'No credential here that you may see.');

const credentialTypes = [
  'text/html',
  'application/ld+json',
  'application/json',
  'application/vc+ld+json',
  'application/jwt',
];

/**
 * The public web function: the dereferenceable URLs credentials contain. No authentication;
 * every route is a GET of a public document. Unknown failures become a generic 500 and are
 * logged with the request id.
 */
export function createPublicWebHandler(container: Container) {
  const { services, urls } = container;
  const docs = services.publicDocuments;

  /** Finds a credential and decides whether this request may see it (visibility, share links). */
  const visibleCredential = async (id: string, event: APIGatewayProxyEventV2) => {
    const record = await services.issuance.find(id);
    if (!record) return { record: null, access: { allowed: false } } as const;
    const token = event.queryStringParameters?.share;
    return { record, access: await services.shareAccess.access(record, token), token } as const;
  };

  /** The parts of a stacked credential whose earner shows them publicly. */
  const publicParts = async (ids: readonly string[]) =>
    new Set(
      (await Promise.all(ids.map((part) => services.issuance.find(part))))
        .filter((part) => part?.visibility === 'PUBLIC')
        .map((part) => part!.id),
    );

  const credentialDocument = async (id: string, format: string, event: APIGatewayProxyEventV2) => {
    const { record, access, token } = await visibleCredential(id, event);
    const html = format === 'text/html';
    // A credential kept from this visitor is answered as one that does not exist.
    if (!record || !access.allowed)
      return html
        ? textResponse(notFoundPage(), htmlType, { status: 404, headers: pageHeaders })
        : credentialNotFound();
    const cache = record.visibility === 'PUBLIC' ? 60 : undefined;
    if (format === 'application/jwt')
      return textResponse(record.jwt, 'application/jwt', { maxAge: cache });
    if (html) {
      const verification = await services.verification.verifyPresented({
        format: 'JSON-LD',
        credential: record.credential,
      });
      const body = credentialPage({
        record,
        url: urls.credential(record.id),
        verification,
        shareQuery:
          token && record.visibility !== 'PUBLIC' ? `?share=${encodeURIComponent(token)}` : '',
        linkExpiresAt: access.linkExpiresAt,
        now: new Date(),
        publicParts: await publicParts(record.parts),
      });
      return textResponse(body, htmlType, { headers: pageHeaders });
    }
    return jsonResponse(record.credential, {
      contentType: format === 'application/json' ? 'application/json' : 'application/ld+json',
      maxAge: cache,
    });
  };

  const routes: Route[] = [
    {
      pattern: /^\/credentials\/([^/.]+)\.jwt$/,
      handle: ([id], event) => credentialDocument(id!, 'application/jwt', event),
    },
    {
      pattern: /^\/credentials\/([^/.]+)\.json$/,
      handle: ([id], event) => credentialDocument(id!, 'application/ld+json', event),
    },
    {
      pattern: /^\/credentials\/([^/.]+)\/badge\.(png|svg)$/,
      handle: async ([id, format], event) => {
        const { record, access } = await visibleCredential(id!, event);
        if (!record || !access.allowed) return credentialNotFound();
        const baked = await docs.bakedBadge(record, format as 'png' | 'svg');
        return typeof baked === 'string'
          ? textResponse(baked, 'image/svg+xml', {
              maxAge: record.visibility === 'PUBLIC' ? 60 : undefined,
              headers: svgHeaders,
            })
          : binaryResponse(baked, 'image/png', {
              maxAge: record.visibility === 'PUBLIC' ? 60 : undefined,
              filename: `${id}.png`,
            });
      },
    },
    {
      pattern: /^\/credentials\/([^/.]+)$/,
      handle: ([id], event) =>
        credentialDocument(
          id!,
          negotiate(event.headers.accept, credentialTypes, 'text/html'),
          event,
        ),
    },
    {
      pattern: /^\/achievements\/([^/]+)$/,
      handle: async ([id]) => {
        const document = await docs.currentAchievement(id!);
        return document
          ? jsonResponse(document, { contentType: 'application/ld+json', maxAge: 300 })
          : problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No published achievement.');
      },
    },
    {
      pattern: /^\/endorsements\/([^/.]+)\/v(\d{1,6})(?:\.json)?$/,
      handle: async ([id, designVersion]) => {
        const credential = await services.endorsementDocuments.findVersionCredential(
          id!,
          Number(designVersion),
        );
        return credential
          ? jsonResponse(credential, { contentType: 'application/ld+json', maxAge: 60 })
          : problem(404, 'ENDORSEMENT_NOT_FOUND', 'No such endorsement.');
      },
    },
    {
      pattern: /^\/endorsements\/([^/.]+)(?:\.json)?$/,
      handle: async ([id]) => {
        const endorsement = /^[A-Za-z0-9_-]{1,100}$/.test(id!)
          ? await services.endorsements.find(id!)
          : null;
        return endorsement
          ? jsonResponse(endorsement.credential, { contentType: 'application/ld+json', maxAge: 60 })
          : problem(404, 'ENDORSEMENT_NOT_FOUND', 'No such endorsement.');
      },
    },
    {
      // A learner's transcript, by the unguessable id its owner shares (never cached publicly).
      pattern: /^\/transcripts\/([^/.]+)(?:\.json)?$/,
      handle: async ([id]) => {
        const transcript = await services.stacking.transcriptById(id!);
        return transcript
          ? jsonResponse(transcript, { contentType: 'application/ld+json' })
          : problem(404, 'TRANSCRIPT_NOT_FOUND', 'No such transcript.');
      },
    },
    {
      pattern: /^\/evidence\/([^/.]+)$/,
      handle: async ([id], event) => {
        const submission = await services.learning.evidence.publicEvidence(id!);
        const html =
          negotiate(event.headers.accept, ['text/html', 'application/json'], 'text/html') ===
          'text/html';
        if (!submission) {
          return html
            ? textResponse(evidenceNotFoundPage(), htmlType, { status: 404, headers: pageHeaders })
            : problem(404, 'EVIDENCE_NOT_FOUND', 'No public evidence here.');
        }
        const view = {
          component: submission.component,
          narrative: submission.narrative,
          links: submission.links,
          files: submission.files.map(({ name, contentType, size, sha256 }) => ({
            name,
            contentType,
            size,
            sha256,
          })),
          acceptedAt: submission.assessment?.decidedAt,
        };
        return html
          ? textResponse(evidencePage(view), htmlType, { headers: pageHeaders })
          : jsonResponse(view, { maxAge: 60 });
      },
    },
    {
      pattern: /^\/partners\/([^/]+)$/,
      handle: async ([id]) => {
        const partner = await services.partners.find(id!);
        return partner
          ? jsonResponse(
              {
                '@context': [
                  'https://www.w3.org/ns/credentials/v2',
                  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
                ],
                id: urls.partnerDid(partner.id),
                type: ['Profile'],
                name: partner.name,
                url: partner.url,
                ...(partner.email ? { email: partner.email } : {}),
                ...(partner.description ? { description: partner.description } : {}),
              },
              { contentType: 'application/ld+json', maxAge: 300 },
            )
          : problem(404, 'PARTNER_NOT_FOUND', 'No such partner.');
      },
    },
    {
      pattern: /^\/achievements\/([^/]+)\/v(\d{1,6})$/,
      handle: async ([id, version]) => {
        const document = await docs.achievement(id!, Number(version));
        return document
          ? jsonResponse(document, { contentType: 'application/ld+json', maxAge: 300 })
          : problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No such approved achievement.');
      },
    },
    {
      pattern: /^\/achievements\/([^/]+)\/v(\d{1,6})\/image\.svg$/,
      handle: async ([id, version]) => {
        const svg = await docs.achievementImage(id!, Number(version));
        return svg
          ? textResponse(svg, 'image/svg+xml', { maxAge: 3600, headers: svgHeaders })
          : problem(404, 'ACHIEVEMENT_NOT_FOUND', 'No such approved achievement.');
      },
    },
    {
      pattern: /^\/\.well-known\/(did|jwks)\.json$/,
      handle: async ([document]) => {
        const body =
          document === 'did'
            ? await docs.didDocument('platform', platformOwnerId)
            : await docs.jwks('platform', platformOwnerId);
        return body
          ? jsonResponse(body, {
              contentType:
                document === 'did' ? 'application/did+ld+json' : 'application/jwk-set+json',
              maxAge: 300,
            })
          : problem(404, 'DID_NOT_FOUND', 'The platform has no keys yet.');
      },
    },
    {
      pattern: /^\/(issuers|partners)\/([^/]+)\/did\.json$/,
      handle: async ([kind, id]) => {
        const document = await docs.didDocument(
          kind === 'issuers' ? 'institution' : 'partner',
          id!,
        );
        return document
          ? jsonResponse(document, { contentType: 'application/did+ld+json', maxAge: 300 })
          : problem(404, 'DID_NOT_FOUND', 'No such DID.');
      },
    },
    {
      pattern: /^\/(issuers|partners)\/([^/]+)\/jwks\.json$/,
      handle: async ([kind, id]) => {
        const document = await docs.jwks(kind === 'issuers' ? 'institution' : 'partner', id!);
        return document
          ? jsonResponse(document, { contentType: 'application/jwk-set+json', maxAge: 300 })
          : problem(404, 'JWKS_NOT_FOUND', 'No such key set.');
      },
    },
    {
      pattern: /^\/issuers\/([^/]+)$/,
      handle: async ([id]) => {
        const profile = await docs.issuerProfile(id!);
        return profile
          ? jsonResponse(profile, { contentType: 'application/ld+json', maxAge: 300 })
          : problem(404, 'INSTITUTION_NOT_FOUND', 'No such issuer.');
      },
    },
    {
      pattern: /^\/status-lists\/([^/]+)\/(revocation|suspension)\/(\d{1,6})$/,
      handle: async ([institutionId, purpose, listNumber]) => {
        const list = await services.statusLists.get(
          institutionId!,
          purpose as (typeof statusPurposes)[number],
          Number(listNumber),
        );
        return list
          ? jsonResponse(list.credential, { contentType: 'application/vc+ld+json', maxAge: 30 })
          : problem(404, 'STATUS_LIST_NOT_FOUND', 'No such status list.');
      },
    },
  ];

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const method = event.requestContext.http.method;
    if (method === 'OPTIONS')
      return textResponse('', 'text/plain', {
        status: 204,
        headers: {
          'access-control-allow-methods': 'GET, HEAD, OPTIONS',
          'access-control-allow-headers': 'accept',
        },
      });
    if (method !== 'GET' && method !== 'HEAD')
      return problem(405, 'METHOD_NOT_ALLOWED', 'Only GET is supported here.');
    const path = event.rawPath.length > 512 ? '' : event.rawPath;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      const parts = decodedParts(match.slice(1));
      if (!parts) return problem(400, 'PATH_INVALID', 'The path is not validly percent-encoded.');
      try {
        return await route.handle(parts, event);
      } catch (error) {
        if (error instanceof DomainError && error.category !== 'INTERNAL')
          return domainProblem(error);
        container.logger.error('Public web request failed', {
          path,
          requestId: event.requestContext.requestId,
          error,
        });
        return problem(
          500,
          'INTERNAL_SERVER_ERROR',
          'Something went wrong on our side; it has been logged.',
        );
      }
    }
    return problem(404, 'NOT_FOUND', 'Nothing here.');
  };
}

/** The parts of a path, percent-decoded; null when one is not valid percent-encoded UTF-8. */
function decodedParts(parts: readonly string[]): string[] | null {
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}
