/** Vazirmatn embedded in printable pages, so the page and its PDF look the same on any machine. */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let fontFaces: string | null = null;

/** @font-face rules for Vazirmatn (Arabic-script and Latin subsets, regular and bold) as data URLs. */
export function vazirmatnFontFaces(): string {
  if (fontFaces != null) return fontFaces;
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const subset of ['latin', 'arabic']) {
      try {
        const file = require.resolve(`@fontsource/vazirmatn/files/vazirmatn-${subset}-${weight}-normal.woff2`);
        const data = fs.readFileSync(file).toString('base64');
        faces.push(
          `@font-face{font-family:Vazirmatn;font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2')}`,
        );
      } catch {
        // Without the font package the page falls back to Tahoma / the system's Persian font.
      }
    }
  }
  fontFaces = faces.join('\n');
  return fontFaces;
}
