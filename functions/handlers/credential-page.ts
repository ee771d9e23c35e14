import type { CredentialRecord } from '../core/credential/credential';
import type { JsonObject } from '../core/issuance/ports';
import type { VerificationResult } from '../core/verification/model';

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
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/** A string field of a JSON object, or '' (credential data is untrusted and loosely typed). */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const formatDate = (iso: string | undefined) =>
  iso
    ? new Date(iso).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : '';

/**
 * A safe subset of markdown for criteria narratives: paragraphs, `- ` lists and `**bold**`.
 * Everything is escaped first, so no HTML from a design can reach the page; a full markdown
 * library would need a sanitizer on top for the same result.
 */
export function renderMarkdown(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      const inline = (line: string) =>
        escapeHtml(line).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      if (lines.every((line) => line.startsWith('- '))) {
        return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`;
      }
      const [first, ...rest] = lines;
      if (rest.length && rest.every((line) => line.startsWith('- '))) {
        return `<p>${inline(first!)}</p><ul>${rest.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`;
      }
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}

const statusText: Record<string, { label: string; tone: 'ok' | 'bad' | 'warn' }> = {
  ACTIVE: { label: 'Verified: this credential is genuine and current.', tone: 'ok' },
  REVOKED: {
    label: 'Revoked: the issuer has withdrawn this credential. It is no longer valid.',
    tone: 'bad',
  },
  SUSPENDED: {
    label: 'Suspended: the issuer has suspended this credential. It is not valid while suspended.',
    tone: 'bad',
  },
  EXPIRED: { label: 'Expired: this credential is past its validity period.', tone: 'bad' },
  NOT_YET_VALID: { label: 'Not yet valid: this credential becomes valid later.', tone: 'warn' },
  UNKNOWN: { label: 'Not verified: this credential could not be verified.', tone: 'bad' },
};

const checkLabels: Record<string, string> = {
  'well-formed': 'Well-formed Open Badge',
  proof: 'Signature',
  'issuer-key': 'Issuer key',
  status: 'Revocation and suspension',
  'validity-window': 'Validity period',
  'achievement-approval': 'Quality-assured design',
  endorsements: 'Industry endorsements',
  recipient: 'Recipient',
  'stack-parts': 'Credentials it was stacked from',
};

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

const styles = `
:root{color-scheme:light}*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f5f6f8}
a{color:#0b4fa8}a:focus,summary:focus{outline:3px solid #0b4fa8;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header,main,footer{max-width:52rem;margin:0 auto;padding:1rem}main{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.banner{padding:1rem;border-radius:8px;font-weight:600;margin:0 0 1rem}.ok{background:#e6f4ea;color:#0d5326;border:2px solid #137333}.bad{background:#fce8e6;color:#8a1c12;border:2px solid #c5221f}.warn{background:#fef7e0;color:#6b4a00;border:2px solid #b06000}
.hero{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center}.hero img{width:160px;height:160px;object-fit:contain}.hero div{flex:1 1 16rem}
h1{font-size:1.8rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #dadce0;padding-bottom:.3rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
table{width:100%;border-collapse:collapse;table-layout:fixed}td,dd,li,p{overflow-wrap:anywhere}
@media (max-width:40rem){main{border-radius:0}dl{grid-template-columns:1fr}table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-999px}tr{border-bottom:1px solid #e0e0e0;padding:.4rem 0}th,td{border:0;padding:.1rem 0}}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
.PASS{color:#0d5326}.FAIL{color:#8a1c12}.WARN{color:#6b4a00}.SKIP{color:#4d4d4d}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}.actions a{display:inline-block;padding:.5rem .9rem;border:2px solid #0b4fa8;border-radius:6px;text-decoration:none;font-weight:600}
.note{color:#4d4d4d;font-size:.95rem}`;

function page(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${head}<style>${styles}</style></head><body><a class="skip" href="#content">Skip to content</a>${body}</body></html>`;
}

/** The page of a credential someone may see. */
export function credentialPage(input: CredentialPageInput): string {
  const { record, verification } = input;
  const credential = record.credential;
  const subject = credential.credentialSubject as JsonObject;
  const achievement = (subject.achievement ?? {}) as JsonObject;
  const issuer = (credential.issuer ?? {}) as JsonObject;
  const name = typeof achievement.name === 'string' ? achievement.name : record.achievementName;
  const issuerName = typeof issuer.name === 'string' ? issuer.name : 'the issuer';
  const description = typeof achievement.description === 'string' ? achievement.description : '';
  const image = `${input.url}/badge.png${input.shareQuery}`;
  const alt = (achievement.image as { caption?: string } | undefined)?.caption ?? `${name} badge`;
  const status = statusText[verification.status] ?? statusText.UNKNOWN!;
  const criteria = ((achievement.criteria ?? {}) as { narrative?: string }).narrative ?? '';
  const alignments = (
    Array.isArray(achievement.alignment) ? achievement.alignment : []
  ) as JsonObject[];
  const competencies = alignments.filter(
    (alignment) =>
      !text(alignment.targetCode).startsWith('LO') && alignment.targetType !== 'ceterms:Credential',
  );
  // A stacked credential names the credentials it was built from as Evidence of genre Credential.
  const parts = (Array.isArray(credential.evidence) ? credential.evidence : []).filter(
    (entry): entry is JsonObject =>
      typeof entry === 'object' && entry !== null && (entry as JsonObject).genre === 'Credential',
  );
  const publicParts = input.publicParts ?? new Set<string>();
  const shownPart = (url: string) =>
    /^https?:/.test(url) &&
    record.parts.some((id) => publicParts.has(id) && url.endsWith(`/credentials/${id}`));
  const flagged = record.flaggedParts.filter((id) => publicParts.has(id)).length;
  const earner = record.showName && record.recipient.name ? record.recipient.name : null;
  const link = (suffix: string) => escapeHtml(`${input.url}${suffix}${input.shareQuery}`);
  const head = [
    `<meta name="description" content="${escapeHtml(`${name}, issued by ${issuerName}. ${description}`.slice(0, 300))}">`,
    `<link rel="canonical" href="${escapeHtml(input.url)}">`,
    `<link rel="alternate" type="application/ld+json" href="${link('.json')}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(`${name} — ${issuerName}`)}">`,
    `<meta property="og:description" content="${escapeHtml(description.slice(0, 300))}">`,
    `<meta property="og:image" content="${escapeHtml(image)}">`,
    `<meta property="og:image:alt" content="${escapeHtml(alt)}">`,
    `<meta property="og:url" content="${escapeHtml(input.url)}">`,
    `<meta name="twitter:card" content="summary">`,
    ...(record.visibility === 'PUBLIC' ? [] : ['<meta name="robots" content="noindex">']),
  ].join('');
  const endorsements = verification.endorsements.length
    ? `<ul>${verification.endorsements
        .map(
          (endorsement) =>
            `<li>${escapeHtml(endorsement.issuerName ?? endorsement.issuerId ?? 'Endorser')} — ${endorsement.withdrawn ? 'withdrawn by the endorser' : endorsement.verified ? 'verified' : 'could not be verified'}</li>`,
        )
        .join('')}</ul>`
    : '<p>No endorsements are recorded on this credential.</p>';
  const body = `<header><p class="note">Digital credential · Open Badges 3.0</p></header>
<main id="content">
<p class="banner ${status.tone}" role="status">${escapeHtml(status.label)}</p>
${input.linkExpiresAt ? `<p class="note">You are viewing this credential through a share link that stops working on ${escapeHtml(formatDate(input.linkExpiresAt))}. That date is the link's, not the credential's.</p>` : ''}
<section class="hero" aria-labelledby="title"><img src="${escapeHtml(image)}" alt="${escapeHtml(alt)}" width="160" height="160"><div>
<h1 id="title">${escapeHtml(name)}</h1>
<p>Issued by <a href="${escapeHtml(typeof issuer.url === 'string' ? issuer.url : input.url)}">${escapeHtml(issuerName)}</a>${earner ? ` to <strong>${escapeHtml(earner)}</strong>` : ''}.</p>
<p>${escapeHtml(description)}</p></div></section>
<h2>Details</h2>
<dl><dt>Issued</dt><dd>${escapeHtml(formatDate(record.issuedAt))}</dd>
<dt>Valid from</dt><dd>${escapeHtml(formatDate(record.validFrom))}</dd>
<dt>Valid until</dt><dd>${record.validUntil ? escapeHtml(formatDate(record.validUntil)) : 'No expiry'}</dd>
<dt>Type</dt><dd>${escapeHtml(text(achievement.achievementType) || 'Achievement')}</dd>
${record.status !== 'ACTIVE' ? `<dt>Issuer's status</dt><dd>${escapeHtml(record.status.toLowerCase())}${record.statusReason ? ` (${escapeHtml(record.statusReason)})` : ''}</dd>` : ''}</dl>
<h2>Competencies</h2>
${competencies.length ? `<ul>${competencies.map((alignment) => `<li><a href="${escapeHtml(text(alignment.targetUrl) || '#')}">${escapeHtml(text(alignment.targetName))}</a>${alignment.targetFramework ? ` <span class="note">(${escapeHtml(text(alignment.targetFramework))}${alignment.targetCode ? ` ${escapeHtml(text(alignment.targetCode))}` : ''})</span>` : ''}</li>`).join('')}</ul>` : '<p>None listed.</p>'}
<h2>How it was earned</h2>${renderMarkdown(criteria)}
${parts.length ? `<h2>Built from</h2><ul>${parts.map((part) => `<li>${shownPart(text(part.id)) ? `<a href="${escapeHtml(text(part.id))}">${escapeHtml(text(part.name))}</a>` : escapeHtml(text(part.name))}</li>`).join('')}</ul>${flagged ? `<p class="note">${flagged === 1 ? 'One credential it was built from has' : `${flagged} credentials it was built from have`} been revoked since it was issued.</p>` : ''}` : ''}
<h2>Endorsements</h2>${endorsements}
<h2>Verification</h2>
<table><caption class="note">Checked live when this page was loaded (${escapeHtml(input.now.toISOString().slice(0, 16).replace('T', ' '))} UTC).</caption><thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead><tbody>
${verification.checks.map((check) => `<tr><th scope="row">${escapeHtml(checkLabels[check.name] ?? check.name)}</th><td class="${check.status}">${check.status === 'PASS' ? 'Passed' : check.status === 'FAIL' ? 'Failed' : check.status === 'WARN' ? 'Warning' : 'Not applicable'}</td><td>${escapeHtml(check.message)}</td></tr>`).join('')}
</tbody></table>
<h2>Share and download</h2>
<ul class="actions">
<li><a href="${escapeHtml(linkedInUrl(input, name, issuerName))}">Add to LinkedIn profile</a></li>
<li><a href="${link('.json')}" download>JSON-LD credential</a></li>
<li><a href="${link('.jwt')}" download>VC-JWT</a></li>
<li><a href="${link('/badge.png')}" download>Badge (PNG)</a></li>
<li><a href="${link('/badge.svg')}" download>Badge (SVG)</a></li>
</ul>
<p class="note">The badge images carry the signed credential inside them, so any Open Badges 3.0 verifier can check them.</p>
</main>
<footer><p class="note">Credential id ${escapeHtml(record.id)}</p></footer>`;
  return page(`${name} — ${issuerName}`, head, body);
}

/** The page of a credential its earner keeps private: it says so, and nothing more. */
/**
 * The page for a credential that does not exist and for one its earner keeps from this visitor:
 * one page, so that it does not tell which.
 */
export function notFoundPage(): string {
  return page(
    'Credential not found',
    '<meta name="robots" content="noindex">',
    '<main id="content"><h1>No credential to show</h1><p>There is no credential at this address that you may see: it does not exist, or its earner keeps it private. If they share it with you, they can send you a link or the credential itself.</p></main>',
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
    '',
    `<main id="content"><h1>${escapeHtml(title)}</h1>${view.acceptedAt ? `<p class="note">Accepted by an assessor on ${escapeHtml(formatDate(view.acceptedAt))}.</p>` : ''}
${view.narrative ? renderMarkdown(view.narrative) : ''}
${view.links.length ? `<h2>Links</h2><ul>${view.links.map((link) => `<li><a href="${escapeHtml(link.url)}" rel="nofollow noopener">${escapeHtml(link.name ?? link.url)}</a></li>`).join('')}</ul>` : ''}
${view.files.length ? `<h2>Files on record</h2><ul>${view.files.map((file) => `<li>${escapeHtml(file.name)} <span class="note">(${escapeHtml(file.contentType)}, ${file.size} bytes, SHA-256 ${escapeHtml(file.sha256.slice(0, 16))}…)</span></li>`).join('')}</ul>` : ''}</main>`,
  );
}

/** The page for evidence that does not exist or that its learner has not made public. */
export function evidenceNotFoundPage(): string {
  return page(
    'Evidence not found',
    '<meta name="robots" content="noindex">',
    '<main id="content"><h1>No evidence to show</h1><p>There is no public evidence at this address.</p></main>',
  );
}
