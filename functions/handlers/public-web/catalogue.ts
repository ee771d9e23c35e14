import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { MicroCredential } from '../../core/designs/model';
import type { Institution } from '../../core/institutions/model';
import { ValidationError } from '../../core/shared/errors';
import { htmlResponse, type PublicWebContext, type RouteHandlers } from './context';
import { escapeHtml, page } from './layout';

const pageSize = 20;
/**
 * Published designs a search reads, at most. The catalogue's store lists designs newest first
 * and has no text index, so a search filters the newest ones; past this many, visitors narrow
 * by institution.
 */
export const searchScanLimit = 300;
/** Longest search text. */
const maxQueryLength = 100;

interface CatalogueQuery {
  readonly q: string;
  readonly institution: string;
  readonly after: string;
  readonly page: number;
}

function queryOf(event: APIGatewayProxyEventV2): CatalogueQuery {
  const params = event.queryStringParameters ?? {};
  const number = Number(params.page ?? '1');
  return {
    q: (params.q ?? '').trim().slice(0, maxQueryLength),
    institution: (params.institution ?? '').trim().slice(0, 100),
    after: (params.after ?? '').slice(0, 2_000),
    page: Number.isInteger(number) && number >= 1 && number <= 1_000 ? number : 1,
  };
}

/** `/`: the public catalogue of published micro-credentials, by institution, searchable. */
export function catalogueRoutes(context: PublicWebContext): Pick<RouteHandlers, 'catalogue'> {
  const { services, urls } = context;
  return {
    catalogue: async (_params, event) => {
      const query = queryOf(event);
      const institutions = (await services.institutions.list(100)).items;
      const institutionId = institutions.some((i) => i.id === query.institution)
        ? query.institution
        : undefined;
      let listed: { items: readonly MicroCredential[]; next: string | null };
      try {
        listed = query.q
          ? await searched(services, query, institutionId)
          : await browsed(services, query, institutionId);
      } catch (error) {
        // A tampered `after` cursor is the visitor's doing: start again from the first page.
        if (!(error instanceof ValidationError)) throw error;
        listed = await browsed(services, { ...query, after: '' }, institutionId);
      }
      const body = cataloguePage({
        base: urls.base,
        query,
        institutions,
        institutionId,
        items: listed.items,
        next: listed.next,
        designUrl: (id) => urls.to('currentAchievement', { design: id }),
        issuerUrl: (id) => urls.issuerProfile(id),
      });
      return htmlResponse(body, 200, true);
    },
  };
}

/** One page of the catalogue as stored (newest first), by cursor. */
async function browsed(
  services: PublicWebContext['services'],
  query: CatalogueQuery,
  institutionId: string | undefined,
) {
  const found = await services.microCredentials.catalogue({
    institutionId,
    first: pageSize,
    after: query.after || null,
  });
  const next = found.nextCursor ? `after=${encodeURIComponent(found.nextCursor)}` : null;
  return { items: found.items, next };
}

/** One page of the designs whose name, description, tags or code contain every query word. */
async function searched(
  services: PublicWebContext['services'],
  query: CatalogueQuery,
  institutionId: string | undefined,
) {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  const matches: MicroCredential[] = [];
  let after: string | null = null;
  for (let read = 0; read < searchScanLimit;) {
    const found = await services.microCredentials.catalogue({ institutionId, first: 100, after });
    read += found.items.length;
    for (const design of found.items) {
      const { name, description, tags, humanCode } = design.content;
      const haystack = [name, description, ...tags, humanCode ?? ''].join(' ').toLowerCase();
      if (words.every((word) => haystack.includes(word))) matches.push(design);
    }
    after = found.nextCursor;
    if (!after || found.items.length === 0) break;
  }
  const start = (query.page - 1) * pageSize;
  const next = matches.length > start + pageSize ? `page=${query.page + 1}` : null;
  return { items: matches.slice(start, start + pageSize), next };
}

function cataloguePage(args: {
  base: string;
  query: CatalogueQuery;
  institutions: readonly Institution[];
  institutionId: string | undefined;
  items: readonly MicroCredential[];
  next: string | null;
  designUrl: (id: string) => string;
  issuerUrl: (id: string) => string;
}): string {
  const { query, institutions } = args;
  const byInstitution = new Map<string, MicroCredential[]>();
  for (const design of args.items)
    byInstitution.set(design.institutionId, [
      ...(byInstitution.get(design.institutionId) ?? []),
      design,
    ]);
  const nameOf = (id: string) => institutions.find((i) => i.id === id)?.name ?? 'Other institution';
  const groups = [...byInstitution.entries()]
    .map(
      ([
        id,
        designs,
      ]) => `<h2><a href="${escapeHtml(args.issuerUrl(id))}">${escapeHtml(nameOf(id))}</a></h2>
<ul class="cards">${designs.map((design) => `<li><h3><a href="${escapeHtml(args.designUrl(design.id))}">${escapeHtml(design.content.name)}</a></h3><p>${escapeHtml(design.content.description.slice(0, 200))}</p><p class="note">${escapeHtml(workloadOf(design))}</p></li>`).join('')}</ul>`,
    )
    .join('');
  const keep = [
    query.q ? `q=${encodeURIComponent(query.q)}` : '',
    args.institutionId ? `institution=${encodeURIComponent(args.institutionId)}` : '',
  ].filter(Boolean);
  const nextHref = args.next ? `/?${[...keep, args.next].join('&')}` : null;
  const firstHref = `/${keep.length ? `?${keep.join('&')}` : ''}`;
  const onLaterPage = Boolean(query.after) || query.page > 1;
  const body = `<main id="content">
<h1>Micro-credentials</h1>
<p>Short, quality-assured courses from the institutions on this platform. Each one leads to a digital credential that anyone can verify.</p>
<form method="get" action="/" role="search" aria-label="Micro-credentials">
<label for="q">Search</label><input id="q" name="q" type="search" value="${escapeHtml(query.q)}" maxlength="${maxQueryLength}">
<label for="institution">Institution</label><select id="institution" name="institution"><option value="">All institutions</option>${institutions.map((i) => `<option value="${escapeHtml(i.id)}"${i.id === args.institutionId ? ' selected' : ''}>${escapeHtml(i.name)}</option>`).join('')}</select>
<p><button type="submit">Search</button></p></form>
${args.items.length ? groups : `<p role="status">${query.q ? `No micro-credential matches “${escapeHtml(query.q)}”.` : 'No micro-credentials are published yet.'}</p>`}
<nav aria-label="Pages"><ul class="actions">${onLaterPage ? `<li><a href="${escapeHtml(firstHref)}">First page</a></li>` : ''}${nextHref ? `<li><a href="${escapeHtml(nextHref)}" rel="next">Next page</a></li>` : ''}</ul></nav>
</main>`;
  return page(
    query.q ? `“${query.q}” — micro-credentials` : 'Micro-credentials',
    {
      url: `${args.base}/`,
      description: 'Quality-assured micro-credentials from the institutions on this platform.',
      noindex: Boolean(query.q || query.after || query.page > 1),
    },
    body,
  );
}

function workloadOf(design: MicroCredential): string {
  const { hours, ects } = design.content.workload;
  return [hours ? `${hours} hours` : '', ects ? `${ects} ECTS credits` : '']
    .filter(Boolean)
    .join(' · ');
}
