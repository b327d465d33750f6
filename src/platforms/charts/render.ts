/** The charts' one drawing pipeline: a Vega-Lite spec compiled to Vega, drawn as SVG, rasterized to PNG by resvg. */
import type { TopLevelSpec } from 'vega-lite';

/** Compiles a Vega-Lite spec and draws it as SVG text (headless: no canvas). */
export async function renderSpecSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on the first chart: vega and vega-lite are a good part of the 40 MB a worker needs only for charts.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const chart = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await chart.toSVG();
  } finally {
    chart.finalize();
  }
}

/** Rasterizes SVG text to PNG bytes `width` pixels wide, with the system's DejaVu fonts. */
export async function rasterizeSvg(svg: string, width: number, fontDirs?: string[]): Promise<Uint8Array> {
  // Loaded on the first chart, like vega: resvg is native code a worker needs only for charts.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontDirs: fontDirs ?? ['/usr/share/fonts'],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: 'white',
  });
  return resvg.render().asPng();
}
