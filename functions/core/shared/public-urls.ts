/**
 * Every public URL and identifier the platform mints. Credentials embed these, so they must
 * stay stable: change a path here only with a redirect in the public web function.
 */
import { platformOwnerId, type OwnerKind } from './owners';
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

  issuerProfile(institutionId: string): string {
    return `${this.baseUrl}/issuers/${encodeURIComponent(institutionId)}`;
  }

  /** `did:web:<host>:issuers:<id>`, resolved at `<base>/issuers/<id>/did.json`. */
  issuerDid(institutionId: string): string {
    return `did:web:${this.didHost}:issuers:${encodeURIComponent(institutionId)}`;
  }

  /** Where an owner's documents live: `/issuers/<id>`, `/partners/<id>`, or the root for the platform. */
  private ownerPath(ownerKind: OwnerKind, ownerId: string): string {
    if (ownerKind === 'platform') return `${this.baseUrl}/.well-known`;
    return `${this.baseUrl}/${ownerKind === 'institution' ? 'issuers' : 'partners'}/${encodeURIComponent(ownerId)}`;
  }

  didDocument(ownerKind: OwnerKind, ownerId: string): string {
    return `${this.ownerPath(ownerKind, ownerId)}/did.json`;
  }

  jwks(ownerKind: OwnerKind, ownerId: string): string {
    return `${this.ownerPath(ownerKind, ownerId)}/jwks.json`;
  }

  partnerProfile(partnerId: string): string {
    return `${this.baseUrl}/partners/${encodeURIComponent(partnerId)}`;
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
    return `${this.baseUrl}/achievements/${encodeURIComponent(microCredentialId)}/v${designVersion}`;
  }

  credential(credentialId: string): string {
    return `${this.baseUrl}/credentials/${encodeURIComponent(credentialId)}`;
  }

  statusList(institutionId: string, purpose: string, listNumber: number): string {
    return `${this.baseUrl}/status-lists/${encodeURIComponent(institutionId)}/${purpose}/${listNumber}`;
  }

  /** A learner's transcript; the unguessable id makes the URL work like a share link. */
  transcript(transcriptId: string): string {
    return `${this.baseUrl}/transcripts/${encodeURIComponent(transcriptId)}`;
  }

  endorsement(endorsementId: string): string {
    return `${this.baseUrl}/endorsements/${encodeURIComponent(endorsementId)}`;
  }

  /** An endorsement's credential for one achievement version of the endorsed design. */
  endorsementVersion(endorsementId: string, designVersion: number): string {
    return `${this.endorsement(endorsementId)}/v${designVersion}`;
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

  /** The credential id in a credential URL minted here, or null. */
  parseCredentialUrl(url: string): string | null {
    const prefix = `${this.baseUrl}/credentials/`;
    if (!url.startsWith(prefix)) return null;
    const id = url.slice(prefix.length).split(/[/?#]/)[0];
    return id ? decodeURIComponent(id) : null;
  }
}
