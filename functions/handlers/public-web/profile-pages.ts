import type { MicroCredential } from '../../core/designs/model';
import type { Institution } from '../../core/institutions/model';
import type { PublicKeySummary } from '../../core/issuance/public-documents';
import type { Partner } from '../../core/partners/model';
import { escapeHtml, formatDate, page } from './layout';

/** A link to another page, by its absolute URL. */
const link = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/** What each key algorithm signs, in people's words. */
const keyUses: Record<PublicKeySummary['algorithm'], string> = {
  Ed25519: 'Ed25519 key, signs credentials in JSON-LD form',
  RS256: 'RSA key, signs credentials in VC-JWT form',
};

/**
 * The signing keys an owner publishes, without identifiers: what each signs, whether it is in
 * use, retired (credentials it signed stay valid) or revoked (they no longer verify).
 */
export function keysSection(
  keys: readonly PublicKeySummary[],
  documents: { did: string; jwks: string },
): string {
  const state = (key: PublicKeySummary) =>
    key.status === 'REVOKED'
      ? `revoked on ${formatDate(key.revokedAt)}: what it signed no longer verifies`
      : key.status === 'RETIRED'
        ? `retired on ${formatDate(key.retiredAt)}: what it signed before stays valid`
        : `in use since ${formatDate(key.createdAt)}`;
  const items = keys
    .map((key) => `<li>${escapeHtml(keyUses[key.algorithm])}, ${escapeHtml(state(key))}.</li>`)
    .join('');
  return `<h2>Signing keys</h2>
${keys.length ? `<ul>${items}</ul>` : '<p>No signing keys are published yet.</p>'}
<p class="note">Verifiers read these keys from the ${link(documents.did, 'DID document')} and the ${link(documents.jwks, 'key set (JWKS)')}; the platform holds the private keys in a hardware-backed key service.</p>`;
}

/** An address as one line. */
function addressLine(institution: Institution): string {
  const { address } = institution;
  return [
    address.streetAddress,
    address.postalCode,
    address.addressLocality,
    address.addressRegion,
    address.addressCountry,
  ]
    .filter(Boolean)
    .join(', ');
}

/** An issuer's page: who it is, what it publishes, who endorses it, the keys it signs with. */
export function issuerPage(args: {
  url: string;
  institution: Institution;
  designs: readonly { design: MicroCredential; url: string }[];
  partners: readonly { partner: Partner; url: string }[];
  keys: readonly PublicKeySummary[];
  documents: { did: string; jwks: string; jsonLd: string };
}): string {
  const { institution } = args;
  const designs = args.designs.length
    ? `<ul class="cards">${args.designs.map(({ design, url }) => `<li><h3>${link(url, design.content.name)}</h3><p>${escapeHtml(design.content.description.slice(0, 240))}</p></li>`).join('')}</ul>`
    : '<p>No micro-credentials are published yet.</p>';
  const partners = args.partners.length
    ? `<ul>${args.partners.map(({ partner, url }) => `<li>${link(url, partner.name)}</li>`).join('')}</ul>`
    : '<p>No industry partner endorses its micro-credentials yet.</p>';
  const body = `<main id="content">
<p class="note">Issuer profile</p>
<h1>${escapeHtml(institution.name)}</h1>
${institution.description ? `<p>${escapeHtml(institution.description)}</p>` : ''}
<dl><dt>Website</dt><dd>${link(institution.url, institution.url)}</dd>
${institution.email ? `<dt>Email</dt><dd>${escapeHtml(institution.email)}</dd>` : ''}
<dt>Address</dt><dd>${escapeHtml(addressLine(institution))}</dd></dl>
<h2>Published micro-credentials</h2>${designs}
<h2>Endorsing partners</h2>${partners}
${keysSection(args.keys, args.documents)}
</main>`;
  return page(
    `${institution.name} — issuer profile`,
    {
      url: args.url,
      description: institution.description ?? `Micro-credentials issued by ${institution.name}.`,
      extra: `<link rel="alternate" type="application/ld+json" href="${escapeHtml(args.documents.jsonLd)}">`,
    },
    body,
  );
}

/** A partner's page: who it is, the institutions it works with, what it endorses, its keys. */
export function partnerPage(args: {
  url: string;
  partner: Partner;
  institutions: readonly { institution: Institution; url: string }[];
  endorsements: readonly { name: string; url: string }[];
  keys: readonly PublicKeySummary[];
  documents: { did: string; jwks: string };
}): string {
  const { partner } = args;
  const body = `<main id="content">
<p class="note">Industry partner</p>
<h1>${escapeHtml(partner.name)}</h1>
${partner.description ? `<p>${escapeHtml(partner.description)}</p>` : ''}
<dl><dt>Website</dt><dd>${link(partner.url, partner.url)}</dd></dl>
<h2>Works with</h2>
${args.institutions.length ? `<ul>${args.institutions.map(({ institution, url }) => `<li>${link(url, institution.name)}</li>`).join('')}</ul>` : '<p>No institution yet.</p>'}
<h2>Endorses</h2>
${args.endorsements.length ? `<ul>${args.endorsements.map(({ name, url }) => `<li>${link(url, name)}</li>`).join('')}</ul>` : '<p>No published micro-credential yet.</p>'}
${args.keys.length ? keysSection(args.keys, args.documents) : ''}
</main>`;
  return page(
    `${partner.name} — industry partner`,
    { url: args.url, description: partner.description ?? `${partner.name}, an industry partner.` },
    body,
  );
}
