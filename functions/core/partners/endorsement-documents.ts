import { readCredential } from '../credential/document';
import type { JsonObject } from '../issuance/ports';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock } from '../shared/runtime';
import { signForVersion, type EndorsementSigning } from './endorsement-signing';
import { isCounting, type Endorsement } from './model';
import type { EndorsementRepository } from './ports';

export interface EndorsementDocumentsDeps extends EndorsementSigning {
  readonly endorsements: Pick<
    EndorsementRepository,
    'listByTarget' | 'getVersionCredential' | 'addVersionCredential'
  >;
  readonly urls: EndorsementSigning['urls'] & Pick<PublicUrls, 'achievement'>;
  readonly clock: Clock;
}

/**
 * The EndorsementCredentials an achievement version carries. A partner endorses the design,
 * every version of it; each version carries a credential naming that version as its subject,
 * so a verifier can match it to the achievement that embeds it.
 */
export class EndorsementDocuments {
  constructor(private readonly deps: EndorsementDocumentsDeps) {}

  /**
   * The credentials embedded in an achievement version at issuance: those of the design's
   * endorsements that count now, each naming that version (`/achievements/{id}/v{n}`). For a
   * version its credential does not name, the platform signs the same statement for that
   * version with the partner's key (once: it is stored and reused). A credential the partner
   * signed itself names one version and is embedded in that version only.
   */
  async credentialsFor(microCredentialId: string, designVersion: number): Promise<JsonObject[]> {
    const achievementId = this.deps.urls.achievement(microCredentialId, designVersion);
    const now = this.deps.clock.now();
    const counting = (
      await this.deps.endorsements.listByTarget('MICRO_CREDENTIAL', microCredentialId)
    ).filter((endorsement) => isCounting(endorsement, now));
    const credentials: JsonObject[] = [];
    for (const endorsement of counting) {
      if (readCredential(endorsement.credential)?.subjectId === achievementId)
        credentials.push(endorsement.credential);
      else if (!endorsement.selfSigned)
        credentials.push(await this.versionCredential(endorsement, designVersion, achievementId));
    }
    return credentials;
  }

  /** The credential of an endorsement for one achievement version, as served at its URL. */
  async findVersionCredential(id: string, designVersion: number): Promise<JsonObject | null> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id) || !Number.isSafeInteger(designVersion)) return null;
    return this.deps.endorsements.getVersionCredential(id, designVersion);
  }

  /** A platform-signed endorsement's credential for one achievement version (signed once). */
  private async versionCredential(
    endorsement: Endorsement,
    designVersion: number,
    achievementId: string,
  ): Promise<JsonObject> {
    const stored = await this.deps.endorsements.getVersionCredential(endorsement.id, designVersion);
    if (stored) return stored;
    const signed = await signForVersion(
      this.deps,
      endorsement,
      designVersion,
      achievementId,
      this.deps.clock.now(),
    );
    return this.deps.endorsements.addVersionCredential(endorsement.id, designVersion, signed);
  }
}
