import localFont from "next/font/local";

// The type system's two faces, self-hosted (no font CDN: the files are emitted under
// /_next/static/media, same origin, so the CSP's `font-src 'self'` allows them).
// The files in ./files are generated from the Fontsource variable fonts on npm by
// scripts/tools/build-fonts.py (Latin subsets, one file per style, the weight axis limited to
// 400–900 — the weights the CSS uses — which makes each file about a quarter smaller) and committed,
// with their licence (./files/OFL.txt). Other scripts fall back to the system faces, whose metrics
// next/font adjusts to match so the swap does not move text.
// Two files are preloaded, the ones every first screen draws with (serif roman, sans roman:
// ~72 kB); the serif italic is one more face of the same family, fetched only by a page that sets
// italic serif text. `font-display: swap`.

/** Source Serif 4: the reading face — body, titles and section headings alike. Its roman and italic
 * faces are two next/font calls (so that only the roman is preloaded) sharing one family name,
 * which next/font takes from a `font-family` in `declarations` (values must be literals). */
export const readingSerif = localFont({
  src: [{ path: "./files/reading-serif-latin-normal.woff2", weight: "400 900", style: "normal" }],
  declarations: [{ prop: "font-family", value: "readingSerif" }],
  display: "swap",
  variable: "--font-reading-serif",
  fallback: ["Charter", "Georgia", "Cambria", "Times New Roman", "serif"],
});

/** Source Serif 4 Italic: the same family's italic face, not preloaded. Its `variable` is unused
 * by the CSS (which names the family through --font-reading-serif); setting it on <html> keeps this
 * @font-face in the stylesheet. */
export const readingSerifItalic = localFont({
  src: [{ path: "./files/reading-serif-latin-italic.woff2", weight: "400 900", style: "italic" }],
  declarations: [{ prop: "font-family", value: "readingSerif" }],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  variable: "--font-reading-serif-italic",
});

/** Inter: the interface face — bylines, dates, buttons, forms, the header. */
export const interfaceSans = localFont({
  src: [{ path: "./files/interface-sans-latin-normal.woff2", weight: "400 900", style: "normal" }],
  display: "swap",
  variable: "--font-interface-sans",
  fallback: [
    "ui-sans-serif",
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Roboto",
    "Helvetica Neue",
    "Arial",
    "sans-serif",
  ],
});
