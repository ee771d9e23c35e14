/**
 * Every public URL and identifier the platform mints, and the parser of each. Credentials embed
 * these, so they must stay stable: change a path here only with a redirect in the public web
 * function. One table (`publicRoutes`) drives minting (`PublicUrls.to`), parsing
 * (`PublicUrls.parse`, `parsePublicPath`) and the public web router, so a URL the platform
 * hands out is always one it can read back and serve.
 */
import type { StatusPurpose } from '../credential/credential';
import { platformOwnerId, type OwnerKind } from './owners';

/**
 * The public paths. `:name` is a path parameter; its name fixes what it may hold
 * (`paramPatterns`) and its type once parsed (`ParamValue`). `json: true` also accepts the path
 * with a `.json` suffix (the same document, for clients that pick by extension).
 */
export const publicRoutes = {
  credential: { path: '/credentials/:id' },
  credentialJwt: { path: '/credentials/:id.jwt' },
  credentialJson: { path: '/credentials/:id.json' },
  credentialBadge: { path: '/credentials/:id/badge.:format' },
  /** A printable one-page certificate of the credential, with a QR code to its page. */
  credentialCertificate: { path: '/credentials/:id/certificate.pdf' },
  /** The public catalogue of published micro-credentials (a page for people). */
  catalogue: { path: '/' },
  /** The verifier for people: paste, upload or link a credential (GET the form, POST it). */
  verify: { path: '/verify' },
  /** A stack (pathway): its parts, its rule and the credential it leads to (a page). */
  stack: { path: '/stacks/:id' },
  /** The design-level achievement URL (endorsements signed before they named a version). */
  currentAchievement: { path: '/achievements/:design' },
  achievement: { path: '/achievements/:design/v:version' },
  achievementImage: { path: '/achievements/:design/v:version/image.svg' },
  /** The QA body's signed EndorsementCredential of an approved achievement version. */
  qaEndorsement: { path: '/achievements/:design/v:version/qa-endorsement', json: true },
  /** The JSON-LD context of Tessera's extension terms (see core/credential/extension-context). */
  extensionContext: { path: '/contexts/tessera-v1.jsonld' },
  endorsement: { path: '/endorsements/:id', json: true },
  endorsementVersion: { path: '/endorsements/:id/v:version', json: true },
  transcript: { path: '/transcripts/:id', json: true },
  evidence: { path: '/evidence/:id' },
  issuerProfile: { path: '/issuers/:owner' },
  issuerDidDocument: { path: '/issuers/:owner/did.json' },
  issuerJwks: { path: '/issuers/:owner/jwks.json' },
  partnerProfile: { path: '/partners/:owner' },
  partnerDidDocument: { path: '/partners/:owner/did.json' },
  partnerJwks: { path: '/partners/:owner/jwks.json' },
  platformDidDocument: { path: '/.well-known/did.json' },
  platformJwks: { path: '/.well-known/jwks.json' },
  statusList: { path: '/status-lists/:owner/:purpose/:listNumber' },
} as const satisfies Record<string, { readonly path: string; readonly json?: boolean }>;

/**
 * What each parameter may hold. Ids minted here (`:id`) carry no dot, so a suffix such as
 * `.jwt` can follow them; design and owner ids are matched up to the next slash.
 */
const paramPatterns = {
  id: '[^/.]+',
  design: '[^/]+',
  owner: '[^/]+',
  version: '\\d{1,6}',
  listNumber: '\\d{1,6}',
  purpose: 'revocation|suspension',
  format: 'png|svg',
} as const;

type ParamName = keyof typeof paramPatterns;
export type PublicRouteKind = keyof typeof publicRoutes;

/** The parameter names of a path, read from its `:name` segments. */
type ParamsOf<Path extends string> = Path extends `${string}:${infer Rest}`
  ? NameOf<Rest> | ParamsOf<Rest>
  : never;
type BeforeSlash<S extends string> = S extends `${infer Head}/${string}` ? Head : S;
type NameOf<S extends string> =
  BeforeSlash<S> extends `${infer Head}.${string}` ? Head : BeforeSlash<S>;
type ParamValue<Name> = Name extends 'version' | 'listNumber'
  ? number
  : Name extends 'purpose'
    ? StatusPurpose
    : Name extends 'format'
      ? 'png' | 'svg'
      : string;

export type RouteParams<Kind extends PublicRouteKind> = {
  readonly [Name in ParamsOf<(typeof publicRoutes)[Kind]['path']>]: ParamValue<Name>;
};

/** A public URL read back: which document it names, with its parameters decoded and typed. */
export type PublicRoute = {
  [Kind in PublicRouteKind]: { readonly kind: Kind; readonly params: RouteParams<Kind> };
}[PublicRouteKind];

interface CompiledRoute {
  readonly kind: PublicRouteKind;
  readonly pattern: RegExp;
  readonly names: readonly ParamName[];
}

const compiledRoutes: readonly CompiledRoute[] = Object.entries(publicRoutes).map(
  ([kind, route]) => {
    const names: ParamName[] = [];
    const source = route.path
      .split(/(:[a-zA-Z]+)/)
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const name = part.slice(1) as ParamName;
        names.push(name);
        return `(${paramPatterns[name]})`;
      })
      .join('');
    const suffix = 'json' in route && route.json ? '(?:\\.json)?' : '';
    return { kind: kind as PublicRouteKind, pattern: new RegExp(`^${source}${suffix}$`), names };
  },
);

/** Numbers travel as numbers; everything else as the percent-decoded text. */
const numericParams: ReadonlySet<ParamName> = new Set(['version', 'listNumber']);

/**
 * The route a path (`/credentials/abc`, no origin, no query) names; null when it names none,
 * and `malformed` when it names one but a parameter is not valid percent-encoded UTF-8.
 */
export function parsePublicPath(path: string): PublicRoute | 'malformed' | null {
  for (const route of compiledRoutes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string | number> = {};
    try {
      route.names.forEach((name, index) => {
        const raw = match[index + 1]!;
        params[name] = numericParams.has(name) ? Number(raw) : decodeURIComponent(raw);
      });
    } catch {
      return 'malformed';
    }
    return { kind: route.kind, params } as PublicRoute;
  }
  return null;
}

/** The path of a route with its parameters filled in (ids percent-encoded). */
export function publicPath<Kind extends PublicRouteKind>(
  kind: Kind,
  params: RouteParams<Kind>,
): string {
  const values = params as Record<string, string | number>;
  return publicRoutes[kind].path.replace(/:([a-zA-Z]+)/g, (_, name: string) =>
    encodeURIComponent(String(values[name])),
  );
}

export class PublicUrls {
  private readonly didHost: string;

  constructor(private readonly baseUrl: string) {
    // did:web encodes the port's colon as %3A (W3C did:web method, "Create").
    const url = new URL(baseUrl);
    this.didHost = url.host.replace(':', '%3A');
  }

  get base(): string {
    return this.baseUrl;
  }

  /** The absolute URL of any public route. */
  to<Kind extends PublicRouteKind>(kind: Kind, params: RouteParams<Kind>): string {
    return `${this.baseUrl}${publicPath(kind, params)}`;
  }

  /** The route an absolute URL minted here names (query and fragment ignored), or null. */
  parse(url: string): PublicRoute | null {
    if (!url.startsWith(`${this.baseUrl}/`)) return null;
    const path = url.slice(this.baseUrl.length).split(/[?#]/)[0]!;
    const route = parsePublicPath(path);
    return route === 'malformed' ? null : route;
  }

  issuerProfile(institutionId: string): string {
    return this.to('issuerProfile', { owner: institutionId });
  }

  /** `did:web:<host>:issuers:<id>`, resolved at `<base>/issuers/<id>/did.json`. */
  issuerDid(institutionId: string): string {
    return `did:web:${this.didHost}:issuers:${encodeURIComponent(institutionId)}`;
  }

  /** An owner's DID document: `/issuers/<id>`, `/partners/<id>`, or `/.well-known` for the platform. */
  didDocument(ownerKind: OwnerKind, ownerId: string): string {
    if (ownerKind === 'platform') return this.to('platformDidDocument', {});
    return ownerKind === 'institution'
      ? this.to('issuerDidDocument', { owner: ownerId })
      : this.to('partnerDidDocument', { owner: ownerId });
  }

  jwks(ownerKind: OwnerKind, ownerId: string): string {
    if (ownerKind === 'platform') return this.to('platformJwks', {});
    return ownerKind === 'institution'
      ? this.to('issuerJwks', { owner: ownerId })
      : this.to('partnerJwks', { owner: ownerId });
  }

  partnerProfile(partnerId: string): string {
    return this.to('partnerProfile', { owner: partnerId });
  }

  partnerDid(partnerId: string): string {
    return `did:web:${this.didHost}:partners:${encodeURIComponent(partnerId)}`;
  }

  /** The platform's own DID: `did:web:<host>`, resolved at `<base>/.well-known/did.json`. */
  platformDid(): string {
    return `did:web:${this.didHost}`;
  }

  ownerDid(ownerKind: OwnerKind, ownerId: string): string {
    if (ownerKind === 'platform') return this.platformDid();
    return ownerKind === 'institution' ? this.issuerDid(ownerId) : this.partnerDid(ownerId);
  }

  verificationMethod(ownerKind: OwnerKind, ownerId: string, keyId: string): string {
    return `${this.ownerDid(ownerKind, ownerId)}#${keyId}`;
  }

  achievement(microCredentialId: string, designVersion: number): string {
    return this.to('achievement', { design: microCredentialId, version: designVersion });
  }

  /** The generated badge image of an achievement version. */
  achievementImage(microCredentialId: string, designVersion: number): string {
    return this.to('achievementImage', { design: microCredentialId, version: designVersion });
  }

  /** The signed QA endorsement of an approved achievement version. */
  qaEndorsement(microCredentialId: string, designVersion: number): string {
    return this.to('qaEndorsement', { design: microCredentialId, version: designVersion });
  }

  /** The extension JSON-LD context this deployment serves. */
  extensionContext(): string {
    return this.to('extensionContext', {});
  }

  credential(credentialId: string): string {
    return this.to('credential', { id: credentialId });
  }

  /** A credential baked into its badge image. */
  credentialBadge(credentialId: string, format: 'png' | 'svg'): string {
    return this.to('credentialBadge', { id: credentialId, format });
  }

  statusList(institutionId: string, purpose: StatusPurpose, listNumber: number): string {
    return this.to('statusList', { owner: institutionId, purpose, listNumber });
  }

  /** A learner's transcript; the unguessable id makes the URL work like a share link. */
  transcript(transcriptId: string): string {
    return this.to('transcript', { id: transcriptId });
  }

  /** Evidence a learner chose to show publicly. */
  evidence(submissionId: string): string {
    return this.to('evidence', { id: submissionId });
  }

  endorsement(endorsementId: string): string {
    return this.to('endorsement', { id: endorsementId });
  }

  /** An endorsement's credential for one achievement version of the endorsed design. */
  endorsementVersion(endorsementId: string, designVersion: number): string {
    return this.to('endorsementVersion', { id: endorsementId, version: designVersion });
  }

  /** Parses a DID minted here back to its owner, or null for any other DID. */
  parseOwnDid(did: string): { ownerKind: OwnerKind; ownerId: string } | null {
    if (did === this.platformDid()) return { ownerKind: 'platform', ownerId: platformOwnerId };
    const prefix = `did:web:${this.didHost}:`;
    if (!did.startsWith(prefix)) return null;
    const [segment, id, ...rest] = did.slice(prefix.length).split(':');
    if (rest.length > 0 || !id) return null;
    if (segment === 'issuers') return { ownerKind: 'institution', ownerId: decodeURIComponent(id) };
    if (segment === 'partners') return { ownerKind: 'partner', ownerId: decodeURIComponent(id) };
    return null;
  }

  /**
   * The credential id a link to a credential page names, or null. Lenient on purpose, for links
   * people paste: anything after the id (a trailing slash, `/badge.png`, a query) is ignored.
   */
  parseCredentialUrl(url: string): string | null {
    const prefix = `${this.baseUrl}/credentials/`;
    if (!url.startsWith(prefix)) return null;
    const id = url.slice(prefix.length).split(/[/?#]/)[0];
    return id ? decodeURIComponent(id) : null;
  }
}
