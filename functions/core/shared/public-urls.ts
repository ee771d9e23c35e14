/**
 * Every public URL the platform mints. Credentials embed these, so they must stay stable:
 * change a path here only with a redirect in the public web function.
 */
export class PublicUrls {
  constructor(private readonly baseUrl: string) {}

  get base(): string {
    return this.baseUrl;
  }

  issuerProfile(institutionId: string): string {
    return `${this.baseUrl}/issuers/${encodeURIComponent(institutionId)}`;
  }

  achievement(microCredentialId: string, designVersion: number): string {
    return `${this.baseUrl}/achievements/${encodeURIComponent(microCredentialId)}/v${designVersion}`;
  }

  credential(credentialId: string): string {
    return `${this.baseUrl}/credentials/${encodeURIComponent(credentialId)}`;
  }
}
