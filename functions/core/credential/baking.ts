import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { inflate as inflateCallback } from 'node:zlib';
import { ValidationError } from '../shared/errors';

const inflate = promisify(inflateCallback);

/**
 * The PNG libraries, loaded the first time a PNG is baked, read or drawn: most requests (and
 * every cold start's first one) handle no image.
 */
async function pngLibraries() {
  const [extract, encode, itxt, pngjs] = await Promise.all([
    import('png-chunks-extract'),
    import('png-chunks-encode'),
    import('png-chunk-itxt'),
    import('pngjs'),
  ]);
  return {
    extractChunks: extract.default,
    encodeChunks: encode.default,
    encodeItxt: commonJs(itxt).encodeSync,
    PNG: commonJs(pngjs).PNG,
  };
}

/**
 * The exports of a CommonJS package loaded with `import()`. Node offers them as named exports
 * and as `default`; inside an esbuild bundle (an ES module importing CommonJS, so esbuild
 * follows Node's rules without Node's guess at the names) there is only `default`. Reading
 * `default` first works in both.
 */
function commonJs<T extends object>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** The iTXt keyword and SVG element name the OB 3.0 spec reserves for baked credentials. */
export const PNG_KEYWORD = 'openbadgecredential';
export const SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

/**
 * Bakes a credential into a PNG (OB 3.0 §5.3.1): one uncompressed iTXt chunk with keyword
 * `openbadgecredential` whose text is the JSON-LD credential or the compact JWS, placed
 * before IEND. Any earlier baked credential is replaced.
 */
export async function bakePng(png: Uint8Array, credential: string): Promise<Buffer> {
  const { extractChunks, encodeChunks, encodeItxt } = await pngLibraries();
  const chunks = extractChunks(png).filter(
    (chunk) => !(chunk.name === 'iTXt' && itxtKeyword(chunk.data) === PNG_KEYWORD),
  );
  const end = chunks.findIndex((chunk) => chunk.name === 'IEND');
  const baked = {
    name: 'iTXt',
    data: encodeItxt({
      keyword: PNG_KEYWORD,
      compressionFlag: false,
      compressionMethod: 0,
      languageTag: '',
      translatedKeyword: '',
      text: credential,
    }),
  };
  chunks.splice(end === -1 ? chunks.length : end, 0, baked);
  return Buffer.from(encodeChunks(chunks));
}

/** The most text a baked credential may hold once inflated (a JSON-LD credential or a JWT). */
export const bakedTextLimit = 1_000_000;

/** The credential baked in an image is larger than {@link bakedTextLimit}. */
export class BakedCredentialTooLargeError extends ValidationError {
  constructor(limit: number) {
    super(
      `The credential baked in the image is larger than ${limit} bytes.`,
      [{ path: 'input.image', message: 'holds a baked credential over the size limit' }],
      'CREDENTIAL_TOO_LARGE',
    );
  }
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The chunks of a PNG, walked by their length fields up to IEND: no copies and no CRC checks.
 * Written here rather than taken from png-chunks-extract, which copies every chunk and checks
 * every CRC before returning any: a 5 MB image of 400,000 empty chunks took it 1.4 s and 106 MB,
 * while finding one chunk needs neither.
 */
function* pngChunks(png: Uint8Array): Generator<{ type: string; data: Uint8Array }> {
  if (png.length < 8 || pngSignature.some((byte, index) => png[index] !== byte))
    throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset + 12 <= png.length;) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > png.length) throw new Error('truncated PNG chunk');
    yield { type, data: png.subarray(offset + 8, offset + 8 + length) };
    if (type === 'IEND') return;
    offset = end;
  }
}

/** The keyword of an iTXt chunk (Latin-1, before the first NUL). */
function itxtKeyword(data: Uint8Array): string {
  const end = data.indexOf(0);
  return end === -1 ? '' : String.fromCharCode(...data.subarray(0, Math.min(end, 80)));
}

/**
 * The text of an iTXt chunk (PNG spec §11.3.4.5: keyword, NUL, compression flag and method,
 * language tag, NUL, translated keyword, NUL, text), inflated with zlib's output cap so that a
 * small compressed chunk cannot grow past `limit` bytes in memory.
 */
async function itxtText(data: Uint8Array, limit: number): Promise<string | null> {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd === -1 || keywordEnd + 3 > data.length) return null;
  const compressed = data[keywordEnd + 1] === 1;
  if (compressed && data[keywordEnd + 2] !== 0) return null;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1) return null;
  const text = data.subarray(translatedEnd + 1);
  if (!compressed) {
    if (text.length > limit) throw new BakedCredentialTooLargeError(limit);
    return new TextDecoder().decode(text);
  }
  try {
    return new TextDecoder().decode(await inflate(text, { maxOutputLength: limit }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new BakedCredentialTooLargeError(limit);
    return null;
  }
}

/**
 * The credential baked into a PNG, or null when there is none. Throws on a non-PNG, and
 * BakedCredentialTooLargeError when its text is, or inflates to, more than `limit` bytes.
 */
export async function unbakePng(
  png: Uint8Array,
  limit: number = bakedTextLimit,
): Promise<string | null> {
  for (const chunk of pngChunks(png))
    if (chunk.type === 'iTXt' && itxtKeyword(chunk.data) === PNG_KEYWORD)
      return itxtText(chunk.data, limit);
  return null;
}

/**
 * Bakes a credential into an SVG (OB 3.0 §5.3.2): an `<openbadges:credential>` element right
 * after the opening `<svg>` tag, holding the JSON-LD in CDATA, or a compact JWS in `verify`.
 */
export function bakeSvg(svg: string, credential: { json: string } | { jws: string }): string {
  const open = /<svg\b[^>]*>/i.exec(svg);
  if (!open) throw new Error('not an SVG document');
  let tag = open[0];
  if (!/xmlns:openbadges=/.test(tag))
    tag = tag.replace(/^<svg\b/i, `<svg xmlns:openbadges="${SVG_NAMESPACE}"`);
  const element =
    'json' in credential
      ? `<openbadges:credential><![CDATA[${credential.json.replaceAll(']]>', ']]]]><![CDATA[>')}]]></openbadges:credential>`
      : `<openbadges:credential verify="${credential.jws}"></openbadges:credential>`;
  const body = svg
    .slice(open.index + open[0].length)
    .replace(/<openbadges:credential[\s\S]*?<\/openbadges:credential>/g, '');
  return `${svg.slice(0, open.index)}${tag}${element}${body}`;
}

/** Characters of an SVG the reader takes between two turns of the event loop. */
const svgSlice = 32 * 1024;
/**
 * Depth of elements the reader follows. The credential element is a child of the root `<svg>`
 * (OB 3.0 §5.3.2); generous room is left for wrappers, none for thousands of levels.
 */
const svgDepth = 64;

/** Stops the XML reader once the credential element is read (or known to be missing). */
class SvgReadDone extends Error {}

/**
 * The credential baked into an SVG (OB 3.0 §5.3.2: the JSON-LD as the text of the first
 * `credential` element of the Open Badges namespace, or a compact JWS in its `verify`
 * attribute), or null. Read with saxes, a streaming XML parser: one pass over the text, however
 * the markup is repeated, fed in 32 KB slices with a turn of the event loop between them so that
 * a 5 MB image does not hold up other requests, and stopped as soon as the element closes.
 *
 * The text is limited to `limit` characters (BakedCredentialTooLargeError). There is no baked
 * credential when an element sits inside the credential element, elements nest deeper than
 * {@link svgDepth}, the document is not well-formed before the element closes, or it uses an
 * entity beyond XML's five (saxes reads no DTD). saxes resolves namespaces by walking the stack
 * of open elements for each one, quadratic in the depth, so it runs without namespace
 * processing and the prefixes bound to the Open Badges namespace are read from the `xmlns:`
 * attributes of the root element and of the element itself.
 */
export async function unbakeSvg(
  svg: string,
  limit: number = bakedTextLimit,
): Promise<string | null> {
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser();
  const prefixes = new Set<string>();
  const boundHere = (attributes: Record<string, string>) =>
    Object.entries(attributes)
      .filter(([name, value]) => name.startsWith('xmlns:') && value === SVG_NAMESPACE)
      .map(([name]) => name.slice('xmlns:'.length));
  let depth = 0;
  let inside = false;
  let text = '';
  let found: string | null = null;
  const append = (part: string) => {
    text += part;
    if (text.length > limit) throw new BakedCredentialTooLargeError(limit);
  };
  parser.on('opentag', (node) => {
    depth += 1;
    if (inside || depth > svgDepth) throw new SvgReadDone();
    const attributes = node.attributes as Record<string, string>;
    const own = boundHere(attributes);
    if (depth === 1) for (const prefix of own) prefixes.add(prefix);
    const [prefix, local] = node.name.includes(':') ? node.name.split(':', 2) : ['', node.name];
    if (local !== 'credential' || !(prefixes.has(prefix!) || own.includes(prefix!))) return;
    const verify = attributes.verify?.trim();
    if (verify) {
      found = verify;
      throw new SvgReadDone();
    }
    inside = true;
  });
  parser.on('text', (part) => inside && append(part));
  parser.on('cdata', (part) => inside && append(part));
  parser.on('closetag', () => {
    depth -= 1;
    if (!inside) return;
    found = text.trim() || null;
    throw new SvgReadDone();
  });
  try {
    for (let offset = 0; offset < svg.length; offset += svgSlice) {
      parser.write(svg.slice(offset, offset + svgSlice));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    parser.close();
  } catch (error) {
    if (error instanceof BakedCredentialTooLargeError) throw error;
    // SvgReadDone, or a well-formedness error: the answer is what was found before it.
  }
  return found;
}

function palette(seed: string): { primary: string; secondary: string; angle: number } {
  const digest = createHash('sha256').update(seed).digest();
  const hue = Math.round((digest.readUInt16BE(0) / 65_535) * 360);
  return {
    primary: `hsl(${hue} 62% 34%)`,
    secondary: `hsl(${(hue + 40) % 360} 70% 45%)`,
    angle: digest[2]! % 60,
  };
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!,
  );

/** A generated badge (SVG) for designs without an image: a hexagon with the name. */
export function generatedBadgeSvg(name: string, issuer: string, seed: string): string {
  const { primary, secondary } = palette(seed);
  const words = name.split(/\s+/).filter(Boolean);
  const initials = words
    .slice(0, 3)
    .map((word) => word[0]!.toUpperCase())
    .join('');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 16)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const shown = lines
    .slice(0, 2)
    .map((line) => (line.length > 18 ? `${line.slice(0, 17)}…` : line));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(`${name} badge from ${issuer}`)}">`,
    `<title>${escapeXml(name)}</title>`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${primary}"/><stop offset="1" stop-color="${secondary}"/></linearGradient></defs>`,
    '<polygon points="200,16 359,108 359,292 200,384 41,292 41,108" fill="url(#g)" stroke="#ffffff" stroke-width="10"/>',
    '<polygon points="200,52 328,126 328,274 200,348 72,274 72,126" fill="none" stroke="#ffffff" stroke-opacity="0.45" stroke-width="3"/>',
    `<text x="200" y="190" text-anchor="middle" font-family="Verdana, sans-serif" font-size="64" font-weight="700" fill="#ffffff">${escapeXml(initials)}</text>`,
    ...shown.map(
      (line, index) =>
        `<text x="200" y="${246 + index * 28}" text-anchor="middle" font-family="Verdana, sans-serif" font-size="22" fill="#ffffff">${escapeXml(line)}</text>`,
    ),
    '</svg>',
  ].join('');
}

/** A generated badge (PNG, 256×256): the same hexagon and colours, drawn pixel by pixel. */
export async function generatedBadgePng(seed: string): Promise<Buffer> {
  const { PNG } = await pngLibraries();
  const size = 256;
  const digest = createHash('sha256').update(seed).digest();
  const hue = (digest.readUInt16BE(0) / 65_535) * 360;
  const [r1, g1, b1] = hslToRgb(hue, 0.62, 0.34);
  const [r2, g2, b2] = hslToRgb((hue + 40) % 360, 0.7, 0.45);
  const png = new PNG({ width: size, height: size });
  const centre = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const distance = hexDistance(x - centre, y - centre);
      const offset = (y * size + x) * 4;
      const t = (x + y) / (2 * size);
      if (distance <= 0.9) {
        const ring = Math.abs(distance - 0.7) < 0.015;
        png.data[offset] = ring ? 255 : Math.round(r1 + (r2 - r1) * t);
        png.data[offset + 1] = ring ? 255 : Math.round(g1 + (g2 - g1) * t);
        png.data[offset + 2] = ring ? 255 : Math.round(b1 + (b2 - b1) * t);
        png.data[offset + 3] = 255;
      } else if (distance <= 0.96) {
        png.data.fill(255, offset, offset + 4);
      } else {
        png.data.fill(0, offset, offset + 4);
      }
    }
  }
  return PNG.sync.write(png);
}

/** Distance to the centre in "hexagon units" (1 = on a pointy-top hexagon of radius 128). */
function hexDistance(x: number, y: number): number {
  const ax = Math.abs(x) / 128;
  const ay = Math.abs(y) / 128;
  return Math.max(ax / 0.866, (ax * 0.5) / 0.866 + ay);
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
