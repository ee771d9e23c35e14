import { createRequire } from 'node:module';

/**
 * Rasterises SVG badges to PNG with resvg (a complete SVG renderer, through its Node binding),
 * so the PNG shows what the SVG shows, text included. Text needs fonts: Lambda has no system
 * fonts, so the renderer loads only DejaVu Sans, shipped by the `dejavu-fonts-ttf` package
 * (resvg reads TrueType/OpenType, not the WOFF2 of web-font packages), and every generic or
 * missing family (the badges name Verdana, then sans-serif) falls back to it.
 */
const require = createRequire(import.meta.url);

interface Resvg {
  render(): { asPng(): Buffer };
}
type ResvgConstructor = new (svg: string, options: object) => Resvg;

let loaded: Promise<{ Resvg: ResvgConstructor; fontFiles: string[] } | null> | undefined;

/** The renderer and its fonts, loaded once; null where either is missing (then callers fall back). */
function renderer() {
  loaded ??= (async () => {
    try {
      // Named through a variable: bundlers leave the native module to be loaded at run time.
      const name = '@resvg/resvg-js';
      const { Resvg } = (await import(name)) as { Resvg: ResvgConstructor };
      const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
        require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
      );
      return { Resvg, fontFiles };
    } catch {
      return null;
    }
  })();
  return loaded;
}

/** The PNG of `svg`, `width` pixels wide; null when the renderer or its fonts are unavailable. */
export async function rasteriseSvg(svg: string, width = 400): Promise<Buffer | null> {
  const loadedRenderer = await renderer();
  if (!loadedRenderer) return null;
  const resvg = new loadedRenderer.Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontFiles: loadedRenderer.fontFiles,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
