import type { CredentialRecord } from '../core/credential/credential';
import { readCredential, type JsonObject } from '../core/credential/document';
import type { VerificationResult } from '../core/verification/model';
import { checksTable, statusText } from './public-web/check-words';
import {
  escapeHtml,
  formatDate,
  notFoundHtml,
  page,
  renderMarkdown,
  text,
} from './public-web/layout';

export { escapeHtml, renderMarkdown } from './public-web/layout';

/**
 * The human page of a credential: server-rendered HTML that works without JavaScript, with
 * semantic landmarks, alt text, visible focus, AA contrast, a layout that fits a phone, and
 * Open Graph tags so a shared link shows a card.
 */
export interface CredentialPageInput {
  readonly record: CredentialRecord;
  readonly url: string;
  readonly verification: VerificationResult;
  /** Appended to every link of the credential, for access through a share link. */
  readonly shareQuery: string;
  /** When the share link used to open the page stops working. */
  readonly linkExpiresAt?: string;
  readonly now: Date;
  /**
   * The parts of a stacked credential its earner shows publicly: only those are linked, and
   * only their revocation is mentioned.
   */
  readonly publicParts?: ReadonlySet<string>;
  /** The issuer's page on this platform. */
  readonly issuerPage?: string;
  /** The earliest expiry among a stacked credential's parts, when it has none of its own. */
  readonly partsExpireOn?: string;
  /** Evidence the learner made public (private evidence is never passed in). */
  readonly publicEvidence?: readonly PublicEvidence[];
  /**
   * Where the page offers to put the credential into a digital wallet: HTML rendered in the
   * "Share and download" section, before the downloads (absent: nothing is offered).
   */
  readonly walletOffer?: string;
}

/** Evidence shown on the page: an accepted component its learner made public. */
export interface PublicEvidence {
  readonly name: string;
  readonly description: string;
  readonly url: string;
}

function linkedInUrl(input: CredentialPageInput, name: string, issuerName: string): string {
  const issued = new Date(input.record.validFrom);
  const expires = input.record.validUntil ? new Date(input.record.validUntil) : null;
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name,
    organizationName: issuerName,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    ...(expires
      ? {
          expirationYear: String(expires.getUTCFullYear()),
          expirationMonth: String(expires.getUTCMonth() + 1),
        }
      : {}),
    certUrl: input.url,
    certId: input.record.id,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** What the page shows of a credential, read once from its signed JSON and its record. */
interface PageFacts {
  readonly name: string;
  readonly issuerName: string;
  readonly issuerUrl: string;
  readonly description: string;
  readonly achievementType: string;
  readonly criteria: string;
  readonly image: string;
  readonly alt: string;
  readonly competencies: readonly JsonObject[];
  readonly level: JsonObject | undefined;
  readonly outcomes: readonly string[];
  readonly link: (suffix: string) => string;
}

/** An OB 3.0 achievement type in words: `MicroCredential` is a micro-credential. */
export function typeWords(type: string): string {
  if (type === 'MicroCredential') return 'Micro-credential';
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The alignment of a qualifications level (EQF or the design's own `#level`), not a competency. */
const isLevel = (alignment: JsonObject) =>
  text(alignment.targetUrl).includes('europass') ||
  text(alignment.targetUrl).endsWith('#level') ||
  /^EQF$/i.test(text(alignment.targetFramework));

function factsOf(input: CredentialPageInput): PageFacts {
  const { record } = input;
  const credential = readCredential(record.credential);
  const achievement = credential?.achievement ?? {};
  const name = typeof achievement.name === 'string' ? achievement.name : record.achievementName;
  const image = `${input.url}/badge.png${input.shareQuery}`;
  const alignments = (
    Array.isArray(achievement.alignment) ? achievement.alignment : []
  ) as JsonObject[];
  const isOutcome = (alignment: JsonObject) => /^LO\d+$/.test(text(alignment.targetCode));
  const isPart = (alignment: JsonObject) => alignment.targetType === 'ceterms:Credential';
  return {
    name,
    issuerName: credential?.issuer.name ?? 'the issuer',
    issuerUrl: input.issuerPage ?? credential?.issuer.url ?? input.url,
    description: typeof achievement.description === 'string' ? achievement.description : '',
    achievementType:
      record.kind === 'stacked'
        ? 'Stacked credential'
        : typeWords(text(achievement.achievementType) || 'Achievement'),
    criteria: ((achievement.criteria ?? {}) as { narrative?: string }).narrative ?? '',
    image,
    alt: (achievement.image as { caption?: string } | undefined)?.caption ?? `${name} badge`,
    competencies: alignments.filter((a) => !isOutcome(a) && !isPart(a) && !isLevel(a)),
    level: alignments.find((a) => !isOutcome(a) && !isPart(a) && isLevel(a)),
    outcomes: alignments.filter(isOutcome).map((a) => text(a.targetName)),
    link: (suffix) => escapeHtml(`${input.url}${suffix}${input.shareQuery}`),
  };
}

/** Whether the issuer has withdrawn the credential, for now or for good. */
const withdrawn = (input: CredentialPageInput) =>
  ['REVOKED', 'SUSPENDED'].includes(input.record.status) ||
  ['REVOKED', 'SUSPENDED'].includes(input.verification.status);

/** The status banner, the share link's expiry, and the badge with name, issuer and earner. */
function heroOf(input: CredentialPageInput, facts: PageFacts): string {
  const { record } = input;
  const status = statusText[input.verification.status] ?? statusText.UNKNOWN!;
  const earner = record.showName && record.recipient.name ? record.recipient.name : null;
  const mark = withdrawn(input)
    ? `<span class="stamp" aria-hidden="true">${input.verification.status === 'SUSPENDED' || record.status === 'SUSPENDED' ? 'Suspended' : 'Revoked'}</span>`
    : '';
  const alt = withdrawn(input) ? `${facts.alt} (marked ${record.status.toLowerCase()})` : facts.alt;
  return `<p class="banner ${status.tone}" role="status">${escapeHtml(status.label)}</p>
${input.linkExpiresAt ? `<p class="note">You are viewing this credential through a share link that stops working on ${escapeHtml(formatDate(input.linkExpiresAt))}. That date is the link's, not the credential's.</p>` : ''}
<section class="hero" aria-labelledby="title"><div class="badge${mark ? ' marked' : ''}"><img src="${escapeHtml(facts.image)}" alt="${escapeHtml(alt)}" width="160" height="160">${mark}</div><div>
<p class="note">Digital credential · Open Badges 3.0</p>
<h1 id="title">${escapeHtml(facts.name)}</h1>
<p>Issued by <a href="${escapeHtml(facts.issuerUrl)}">${escapeHtml(facts.issuerName)}</a>${earner ? ` to <strong>${escapeHtml(earner)}</strong>` : ''}.</p>
<p>${escapeHtml(facts.description)}</p></div></section>`;
}

function validityOf(input: CredentialPageInput): string {
  const { record } = input;
  if (record.validUntil) return escapeHtml(formatDate(record.validUntil));
  if (record.kind === 'stacked' && input.partsExpireOn)
    return `No expiry of its own; a credential it was built from expires on ${escapeHtml(formatDate(input.partsExpireOn))}`;
  return 'No expiry';
}

/** Dates, type and the issuer's status; then outcomes, competencies and how it was earned. */
function detailsOf(input: CredentialPageInput, facts: PageFacts): string {
  const { record } = input;
  const level = facts.level
    ? `<dt>Level</dt><dd>${escapeHtml(text(facts.level.targetName))}</dd>`
    : '';
  return `<h2>Details</h2>
<dl><dt>Issued</dt><dd>${escapeHtml(formatDate(record.issuedAt))}</dd>
<dt>Valid from</dt><dd>${escapeHtml(formatDate(record.validFrom))}</dd>
<dt>Valid until</dt><dd>${validityOf(input)}</dd>
<dt>Kind of credential</dt><dd>${escapeHtml(facts.achievementType)}</dd>${level}
${record.status !== 'ACTIVE' ? `<dt>Issuer's status</dt><dd>${escapeHtml(record.status.toLowerCase())}${record.statusReason ? ` (${escapeHtml(record.statusReason)})` : ''}</dd>` : ''}</dl>
${facts.outcomes.length ? `<h2>Learning outcomes</h2><ul>${facts.outcomes.map((outcome) => `<li>${escapeHtml(outcome)}</li>`).join('')}</ul>` : ''}
<h2>Competencies</h2>
${facts.competencies.length ? `<ul>${facts.competencies.map((alignment) => `<li><a href="${escapeHtml(text(alignment.targetUrl) || '#')}">${escapeHtml(text(alignment.targetName))}</a>${alignment.targetFramework ? ` <span class="note">(${escapeHtml(text(alignment.targetFramework))}${alignment.targetCode ? ` ${escapeHtml(text(alignment.targetCode))}` : ''})</span>` : ''}</li>`).join('')}</ul>` : '<p>None listed.</p>'}
<h2>How it was earned</h2>${renderMarkdown(facts.criteria)}`;
}

/** Evidence its learner made public, linked to its page; private evidence is never shown. */
function evidenceOf(input: CredentialPageInput): string {
  const evidence = input.publicEvidence ?? [];
  if (!evidence.length) return '';
  return `<h2>Evidence</h2><ul>${evidence.map((entry) => `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.name)}</a><br><span class="note">${escapeHtml(entry.description)}</span></li>`).join('')}</ul>`;
}

/**
 * The credentials a stacked credential was built from (Evidence of genre Credential): linked
 * only when their earner shows them publicly, and only their revocation mentioned.
 */
function partsOf(input: CredentialPageInput): string {
  const { record } = input;
  const evidence = record.credential.evidence;
  const parts = (Array.isArray(evidence) ? evidence : []).filter(
    (entry): entry is JsonObject =>
      typeof entry === 'object' && entry !== null && (entry as JsonObject).genre === 'Credential',
  );
  if (!parts.length) return '';
  const publicParts = input.publicParts ?? new Set<string>();
  const shownPart = (url: string) =>
    /^https?:/.test(url) &&
    record.parts.some((id) => publicParts.has(id) && url.endsWith(`/credentials/${id}`));
  const flagged = record.flaggedParts.filter((id) => publicParts.has(id)).length;
  return `<h2>Built from</h2><ul>${parts.map((part) => `<li>${shownPart(text(part.id)) ? `<a href="${escapeHtml(text(part.id))}">${escapeHtml(text(part.name))}</a>` : escapeHtml(text(part.name))}</li>`).join('')}</ul>${flagged ? `<p class="note">${flagged === 1 ? 'One credential it was built from has' : `${flagged} credentials it was built from have`} been revoked since it was issued.</p>` : ''}`;
}

/** The endorsements, the live verification checks, and the recipient check. */
function verificationOf(input: CredentialPageInput): string {
  const { verification } = input;
  const endorsements = verification.endorsements.length
    ? `<ul>${verification.endorsements
        .map(
          (endorsement) =>
            `<li>${escapeHtml(endorsement.issuerName ?? 'An industry partner')}: ${endorsement.withdrawn ? 'withdrawn by the endorser' : endorsement.verified ? 'verified' : 'could not be verified'}</li>`,
        )
        .join('')}</ul>`
    : '<p>No endorsements are recorded on this credential.</p>';
  const share = /[?&]share=([^&]+)/.exec(input.shareQuery)?.[1];
  return `<h2>Endorsements</h2>${endorsements}
<h2>Verification</h2>
${checksTable(verification, `Checked live when this page was loaded (${formatDate(input.now.toISOString())}, ${input.now.toISOString().slice(11, 16)} UTC).`)}
<form method="post" action="/verify" enctype="multipart/form-data" class="recipient">
<input type="hidden" name="url" value="${escapeHtml(input.url)}">${share ? `<input type="hidden" name="share" value="${escapeHtml(decodeURIComponent(share))}">` : ''}
<label for="email">Check who it was issued to</label>
<input id="email" name="email" type="email" autocomplete="off" required aria-describedby="email-help">
<p class="note" id="email-help">Enter the email address of the person who showed you this credential; it is compared with the credential and never stored.</p>
<p><button type="submit">Check the recipient</button></p></form>`;
}

/** LinkedIn (for a valid credential), the certificate, the signed forms and the baked badges. */
function downloadsOf(input: CredentialPageInput, facts: PageFacts): string {
  const { link } = facts;
  const linkedIn =
    input.verification.status === 'ACTIVE' && !withdrawn(input)
      ? `<li><a href="${escapeHtml(linkedInUrl(input, facts.name, facts.issuerName))}">Add to LinkedIn profile</a></li>`
      : '';
  return `<h2>Share and download</h2>
${input.walletOffer ?? ''}
<ul class="actions">${linkedIn}
<li><a href="${link('/certificate.pdf')}">Certificate (PDF)</a></li>
<li><a href="${link('.json')}" download>JSON-LD credential</a></li>
<li><a href="${link('.jwt')}" download>VC-JWT</a></li>
<li><a href="${link('/badge.png')}" download>Badge (PNG)</a></li>
<li><a href="${link('/badge.svg')}" download>Badge (SVG)</a></li>
</ul>
<p class="note">The badge images carry the signed credential inside them, so any Open Badges 3.0 verifier can check them.</p>`;
}

/** The page of a credential someone may see. */
export function credentialPage(input: CredentialPageInput): string {
  const facts = factsOf(input);
  const body = `<main id="content">
${heroOf(input, facts)}
${detailsOf(input, facts)}
${evidenceOf(input)}
${partsOf(input)}
${verificationOf(input)}
${downloadsOf(input, facts)}
</main>
<footer><p class="note">Credential ${escapeHtml(input.record.id)}</p></footer>`;
  return page(
    `${facts.name} — ${facts.issuerName}`,
    {
      url: input.url,
      description: `${facts.name}, issued by ${facts.issuerName}. ${facts.description}`,
      image: { url: facts.image, alt: facts.alt },
      noindex: input.record.visibility !== 'PUBLIC',
      extra: `<link rel="alternate" type="application/ld+json" href="${facts.link('.json')}">`,
    },
    body,
  );
}

/**
 * The page for a credential that does not exist and for one its earner keeps from this visitor:
 * one page, so that it does not tell which.
 */
export function notFoundPage(): string {
  return notFoundHtml(
    'Credential',
    'There is no credential at this address that you may see: it does not exist, or its earner keeps it private. If they share it with you, they can send you a link or the credential itself.',
  );
}

/** Evidence its learner made public: the narrative, links and the files' names and digests. */
export function evidencePage(view: {
  component: string;
  narrative: string;
  links: { url: string; name?: string }[];
  files: { name: string; contentType: string; size: number; sha256: string }[];
  acceptedAt?: string;
}): string {
  const title = `${view.component.charAt(0)}${view.component.slice(1).toLowerCase()} evidence`;
  return page(
    title,
    {},
    `<main id="content"><h1>${escapeHtml(title)}</h1>${view.acceptedAt ? `<p class="note">Accepted by an assessor on ${escapeHtml(formatDate(view.acceptedAt))}.</p>` : ''}
${view.narrative ? renderMarkdown(view.narrative) : ''}
${view.links.length ? `<h2>Links</h2><ul>${view.links.map((link) => `<li><a href="${escapeHtml(link.url)}" rel="nofollow noopener">${escapeHtml(link.name ?? link.url)}</a></li>`).join('')}</ul>` : ''}
${view.files.length ? `<h2>Files on record</h2><ul>${view.files.map((file) => `<li>${escapeHtml(file.name)} <span class="note">(${escapeHtml(file.contentType)}, ${file.size} bytes, SHA-256 ${escapeHtml(file.sha256.slice(0, 16))}…)</span></li>`).join('')}</ul>` : ''}</main>`,
  );
}

/** The page for evidence that does not exist or that its learner has not made public. */
export function evidenceNotFoundPage(): string {
  return notFoundHtml('Evidence', 'There is no public evidence at this address.');
}
