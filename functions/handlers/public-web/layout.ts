/**
 * The shell every public page shares: one stylesheet (inline, the CSP allows nothing else),
 * the skip link, a header linking the catalogue and the verifier, and the helpers that make
 * untrusted text safe to show. Pages run no scripts and load nothing from elsewhere.
 */

export const escapeHtml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/** A string field of a JSON object, or '' (credential data is untrusted and loosely typed). */
export const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** A date as people write it (2 December 2026), in UTC; '' for none or an unreadable one. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * A safe subset of markdown for criteria narratives: paragraphs, `- ` lists and `**bold**`.
 * Everything is escaped first, so no HTML from a design can reach the page; a full markdown
 * library would need a sanitizer on top for the same result.
 */
export function renderMarkdown(source: string): string {
  return source
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

const styles = `
:root{color-scheme:light}*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f5f6f8}
a{color:#0b4fa8}a:focus,summary:focus,input:focus,textarea:focus,button:focus{outline:3px solid #0b4fa8;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header,main,footer{max-width:52rem;margin:0 auto;padding:1rem}main{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
header nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.banner{padding:1rem;border-radius:8px;font-weight:600;margin:0 0 1rem}.ok{background:#e6f4ea;color:#0d5326;border:2px solid #137333}.bad{background:#fce8e6;color:#8a1c12;border:2px solid #c5221f}.warn{background:#fef7e0;color:#6b4a00;border:2px solid #b06000}
.hero{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center}.hero img{width:160px;height:160px;object-fit:contain}.hero div{flex:1 1 16rem}
h1{font-size:1.8rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #dadce0;padding-bottom:.3rem}h3{font-size:1.05rem;margin-bottom:.2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
table{width:100%;border-collapse:collapse;table-layout:fixed}caption{text-align:left}td,dd,li,p{overflow-wrap:anywhere}
@media (max-width:40rem){main{border-radius:0}dl{grid-template-columns:1fr}table,thead,tbody,tr,th,td,caption{display:block}thead{position:absolute;left:-999px}tr{border-bottom:1px solid #e0e0e0;padding:.4rem 0}th,td{border:0;padding:.1rem 0}}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
.PASS{color:#0d5326}.FAIL{color:#8a1c12}.WARN{color:#6b4a00}.SKIP{color:#4d4d4d}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}.actions a,button{display:inline-block;padding:.5rem .9rem;border:2px solid #0b4fa8;border-radius:6px;text-decoration:none;font-weight:600;font-size:1rem;color:#0b4fa8;background:#fff;cursor:pointer}
label{display:block;font-weight:600;margin-top:1rem}input,textarea,select{width:100%;max-width:100%;font:inherit;padding:.4rem;border:1px solid #5f6368;border-radius:6px}textarea{min-height:8rem;font-family:ui-monospace,monospace;font-size:.9rem}
fieldset{border:1px solid #dadce0;border-radius:8px;margin:1rem 0;padding:.5rem 1rem 1rem}legend{font-weight:600;padding:0 .3rem}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}.cards li{border:1px solid #dadce0;border-radius:8px;padding:.8rem}
.badge{position:relative;width:160px;height:160px}.hero .badge{flex:0 0 160px}.badge.marked img{filter:grayscale(1);opacity:.55}.stamp{position:absolute;left:50%;top:50%;transform:translate(-50%,-50%) rotate(-20deg);border:4px solid #8a1c12;color:#8a1c12;background:#fff;font-weight:800;text-transform:uppercase;letter-spacing:.08em;padding:.2rem .6rem;border-radius:6px}
blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #0b4fa8;background:#f5f6f8}
.note{color:#4d4d4d;font-size:.95rem}`;

/** What a page puts in its head besides the title: description, canonical link, Open Graph. */
export interface PageHead {
  readonly description?: string;
  /** The page's own absolute URL: canonical link and og:url, for pages worth sharing. */
  readonly url?: string;
  readonly image?: { readonly url: string; readonly alt: string };
  /** Kept out of search engines (private, not found, form results). */
  readonly noindex?: boolean;
  /** Extra head elements, already escaped. */
  readonly extra?: string;
}

/** The head elements of `head` (Open Graph only where the page has its own URL to share). */
function headOf(title: string, head: PageHead): string {
  const meta = (property: string, content: string) =>
    `<meta property="${property}" content="${escapeHtml(content)}">`;
  return [
    head.description
      ? `<meta name="description" content="${escapeHtml(head.description.slice(0, 300))}">`
      : '',
    head.url ? `<link rel="canonical" href="${escapeHtml(head.url)}">` : '',
    head.url ? meta('og:type', 'website') + meta('og:title', title) + meta('og:url', head.url) : '',
    head.url && head.description ? meta('og:description', head.description.slice(0, 300)) : '',
    head.url && head.image
      ? meta('og:image', head.image.url) + meta('og:image:alt', head.image.alt)
      : '',
    head.url ? '<meta name="twitter:card" content="summary">' : '',
    head.noindex ? '<meta name="robots" content="noindex">' : '',
    head.extra ?? '',
  ].join('');
}

/** The links at the top of every page: the catalogue and the verifier. */
const siteHeader = `<header><nav aria-label="Site"><ul><li><a href="/">Micro-credential catalogue</a></li><li><a href="/verify">Verify a credential</a></li></ul></nav></header>`;

/** A whole page: `body` holds the `<main id="content">` and anything after it. */
export function page(title: string, head: PageHead, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${headOf(title, head)}<style>${styles}</style></head><body><a class="skip" href="#content">Skip to content</a>${siteHeader}${body}</body></html>`;
}

/** A page saying there is nothing at this address, for any kind of document. */
export function notFoundHtml(what: string, explanation: string): string {
  return page(
    `${what} not found`,
    { noindex: true },
    `<main id="content"><h1>No ${escapeHtml(what.toLowerCase())} to show</h1><p>${escapeHtml(explanation)}</p></main>`,
  );
}

/** A page for a request that failed: what happened, in the words of its problem document. */
export function errorHtml(title: string, message: string): string {
  return page(
    title,
    { noindex: true },
    `<main id="content"><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p><p><a href="">Try again</a></p></main>`,
  );
}
