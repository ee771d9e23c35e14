import type { Component, DesignContent, DesignVersion } from '../../core/designs/model';
import type { Institution } from '../../core/institutions/model';
import type { Endorsement, Partner } from '../../core/partners/model';
import type { Stack } from '../../core/stacking/model';
import { escapeHtml, formatDate, page, renderMarkdown } from './layout';

const link = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

const participationWords: Record<DesignContent['participationForm'], string> = {
  ONLINE: 'Online',
  ONSITE: 'On site',
  BLENDED: 'Blended (online and on site)',
  WORK_BASED: 'Work-based',
  VOLUNTEERING: 'Volunteering',
};

/** How a stack's parts combine, in words. */
export function ruleWords(stack: Pick<Stack, 'rule' | 'required' | 'parts'>): string {
  if (stack.rule === 'N_OF_M') return `Any ${stack.required} of these ${stack.parts.length}`;
  if (stack.rule === 'CHAIN')
    return 'Each of these, in order: a level counts once the ones before it are held';
  return `All ${stack.parts.length} of these`;
}

/** What the page links to: the other pages, by absolute URL. */
export interface AchievementLinks {
  readonly self: string;
  readonly image: string;
  readonly issuer: string;
  readonly jsonLd: string;
  readonly endorsement: (id: string) => string;
  readonly partner: (id: string) => string;
  readonly stack: (id: string) => string;
}

/** Workload, level, assessment and the other EU micro-credential elements. */
function elementsOf(content: DesignContent, snapshot: DesignVersion): string {
  const { workload, level } = content;
  const hours = workload.hours ? `${workload.hours} hours` : '';
  const ects = workload.ects ? `${workload.ects} ECTS credits` : '';
  return `<dl>
<dt>Workload</dt><dd>${escapeHtml([hours, ects].filter(Boolean).join(', '))}</dd>
${level ? `<dt id="level">Level</dt><dd>${escapeHtml(level.name ?? `${level.framework} level ${level.value}`)}${level.name ? ` (${escapeHtml(level.framework)} ${escapeHtml(level.value)})` : ''}</dd>` : ''}
<dt>Assessment</dt><dd>${escapeHtml(content.assessmentType)}</dd>
<dt>Form of participation</dt><dd>${escapeHtml(participationWords[content.participationForm])}</dd>
<dt>Language</dt><dd>${escapeHtml(content.language)}</dd>
${content.prerequisites ? `<dt>Prerequisites</dt><dd>${escapeHtml(content.prerequisites)}</dd>` : ''}
<dt>Validity</dt><dd>${content.validityMonths ? `${content.validityMonths} months from issue` : 'Does not expire'}</dd>
<dt>Version</dt><dd>${snapshot.designVersion}${snapshot.publishedAt ? `, published ${escapeHtml(formatDate(snapshot.publishedAt))}` : ''}</dd>
</dl>`;
}

function componentOf(kind: string, component: Component): string {
  return `<h3>${escapeHtml(kind)}: ${escapeHtml(component.title)}</h3>
${component.description ? `<p>${escapeHtml(component.description)}</p>` : ''}${renderMarkdown(component.criteria)}`;
}

/** The QA review the version passed: the workflow, and who decided each step and when. */
function qaOf(snapshot: DesignVersion): string {
  const qa = snapshot.qualityAssurance;
  if (!qa) return '<h2>Quality assurance</h2><p>No quality-assurance record.</p>';
  return `<h2>Quality assurance</h2>
<p>Approved on ${escapeHtml(formatDate(qa.approvedAt))} through the review “${escapeHtml(qa.workflowName)}”:</p>
<ol>${qa.steps.map((step) => `<li>${escapeHtml(step.name)} — decided by the ${escapeHtml(step.role.toLowerCase().replace(/_/g, ' '))} on ${escapeHtml(formatDate(step.decidedAt))}</li>`).join('')}</ol>`;
}

function stacksOf(stacks: { partOf: Stack[]; leadsTo: Stack[] }, links: AchievementLinks): string {
  const list = (items: Stack[]) =>
    `<ul>${items.map((stack) => `<li>${link(links.stack(stack.id), stack.name)}</li>`).join('')}</ul>`;
  return `<h2>Pathways</h2>
${stacks.partOf.length ? `<p>Counts toward:</p>${list(stacks.partOf)}` : '<p>It is not part of a larger credential yet.</p>'}
${stacks.leadsTo.length ? `<p>Earned by stacking:</p>${list(stacks.leadsTo)}` : ''}`;
}

/** A published design version, for people: everything a learner or employer asks about it. */
export function achievementPage(args: {
  snapshot: DesignVersion;
  institution: Institution;
  endorsements: readonly { endorsement: Endorsement; partner: Partner | null }[];
  stacks: { partOf: Stack[]; leadsTo: Stack[] };
  links: AchievementLinks;
}): string {
  const { snapshot, institution, links } = args;
  const { content } = snapshot;
  const endorsements = args.endorsements.length
    ? `<ul>${args.endorsements.map(({ endorsement, partner }) => `<li>${partner ? link(links.partner(partner.id), partner.name) : 'A partner'}: “${escapeHtml(endorsement.comment)}” ${link(links.endorsement(endorsement.id), 'Read the endorsement')}</li>`).join('')}</ul>`
    : '<p>No industry endorsement yet.</p>';
  const { educational, demonstration, reflective } = content.components;
  const body = `<main id="content">
<section class="hero" aria-labelledby="title"><img src="${escapeHtml(links.image)}" alt="${escapeHtml(content.image?.caption ?? `${content.name} badge`)}" width="160" height="160"><div>
<p class="note">Micro-credential</p>
<h1 id="title">${escapeHtml(content.name)}</h1>
<p>Offered by ${link(links.issuer, institution.name)}.</p>
<p>${escapeHtml(content.description)}</p></div></section>
<h2>Learning outcomes</h2>
<ol>${content.learningOutcomes.map((outcome, index) => `<li id="outcome-${index + 1}">${escapeHtml(outcome)}</li>`).join('')}</ol>
<h2>Details</h2>${elementsOf(content, snapshot)}
${content.competencies.length ? `<h2>Competencies</h2><ul>${content.competencies.map((c) => `<li>${link(c.url, c.name)}${c.framework ? ` <span class="note">(${escapeHtml(c.framework)}${c.code ? ` ${escapeHtml(c.code)}` : ''})</span>` : ''}</li>`).join('')}</ul>` : ''}
<h2>How it is earned</h2>${renderMarkdown(content.criteria)}
${componentOf('Learning', educational)}${componentOf('Demonstration', demonstration)}${componentOf('Reflection', reflective)}
${qaOf(snapshot)}
<h2>Endorsements</h2>${endorsements}
${stacksOf(args.stacks, links)}
</main>`;
  return page(
    `${content.name} — ${institution.name}`,
    {
      url: links.self,
      description: content.description,
      image: { url: links.image, alt: `${content.name} badge` },
      extra: `<link rel="alternate" type="application/ld+json" href="${escapeHtml(links.jsonLd)}">`,
    },
    body,
    content.language,
  );
}

/** An endorsement, for people: who endorses what, what they say, and whether it stands. */
export function endorsementPage(args: {
  url: string;
  endorsement: Endorsement;
  partner: Partner | null;
  partnerUrl: string;
  target: { name: string; url: string } | null;
}): string {
  const { endorsement, partner } = args;
  const by = partner ? partner.name : 'An industry partner';
  const what = args.target?.name ?? 'a micro-credential';
  const withdrawn = endorsement.status === 'WITHDRAWN';
  const body = `<main id="content">
<p class="note">Industry endorsement</p>
${withdrawn ? `<p class="banner bad" role="status">Withdrawn by the endorser on ${escapeHtml(formatDate(endorsement.withdrawnAt))}${endorsement.withdrawalReason ? `: ${escapeHtml(endorsement.withdrawalReason)}` : ''}. It no longer counts.</p>` : ''}
<h1>${escapeHtml(by)} endorses ${escapeHtml(what)}</h1>
<blockquote><p>${escapeHtml(endorsement.comment)}</p></blockquote>
<dl><dt>Endorser</dt><dd>${partner ? link(args.partnerUrl, partner.name) : escapeHtml(by)}</dd>
<dt>Endorses</dt><dd>${args.target ? link(args.target.url, args.target.name) : escapeHtml(what)}</dd>
<dt>Signed</dt><dd>${escapeHtml(formatDate(endorsement.issuedAt))}${endorsement.selfSigned ? ', with the endorser’s own key' : ''}</dd>
${endorsement.expiresOn ? `<dt>Valid until</dt><dd>${escapeHtml(formatDate(endorsement.expiresOn))}</dd>` : ''}
${endorsement.competencies.length ? `<dt>Competencies endorsed</dt><dd>${escapeHtml(endorsement.competencies.join(', '))}</dd>` : ''}</dl>
</main>`;
  return page(`${by} endorses ${what}`, { url: args.url, description: endorsement.comment }, body);
}

/** A stack (pathway): the credential it leads to, its rule and its parts. */
export function stackPage(args: {
  url: string;
  stack: Stack;
  institution: { name: string; url: string } | null;
  target: { name: string; url: string } | null;
  partUrl: (microCredentialId: string) => string;
}): string {
  const { stack } = args;
  const parts = stack.parts
    .map((part) =>
      part.kind === 'DESIGN'
        ? `<li>${link(args.partUrl(part.microCredentialId), part.name)}</li>`
        : `<li>${escapeHtml(part.name)} <span class="note">(issued elsewhere)</span></li>`,
    )
    .join('');
  const body = `<main id="content">
<p class="note">Pathway</p>
<h1>${escapeHtml(stack.name)}</h1>
${stack.description ? `<p>${escapeHtml(stack.description)}</p>` : ''}
<dl><dt>Leads to</dt><dd>${args.target ? link(args.target.url, args.target.name) : 'A stacked credential'}</dd>
${args.institution ? `<dt>Offered by</dt><dd>${link(args.institution.url, args.institution.name)}</dd>` : ''}
<dt>Rule</dt><dd>${escapeHtml(ruleWords(stack))}</dd></dl>
<h2>Parts</h2><${stack.rule === 'CHAIN' ? 'ol' : 'ul'}>${parts}</${stack.rule === 'CHAIN' ? 'ol' : 'ul'}>
<p class="note">Holding the parts earns the stacked credential automatically${stack.onPartRevoked === 'REVOKE' ? '; it is revoked if a part it was built from is revoked' : ''}.</p>
</main>`;
  return page(stack.name, { url: args.url, description: stack.description ?? stack.name }, body);
}
