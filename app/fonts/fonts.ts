import localFont from "next/font/local";

// The type system's two faces, self-hosted from npm (Fontsource, no font CDN: the files are
// emitted under /_next/static/media, same origin, so the CSP's `font-src 'self'` allows them).
// Latin subsets of the variable fonts (one file per style, every weight); other scripts fall back
// to the system faces, whose metrics next/font adjusts to match so the swap does not move text.
// Three files are preloaded (serif roman and italic, sans roman: ~150 kB); `font-display: swap`.

/** Source Serif 4: the reading face — body, titles and section headings alike. */
export const readingSerif = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      weight: "200 900",
      style: "normal",
    },
    {
      path: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      weight: "200 900",
      style: "italic",
    },
  ],
  display: "swap",
  variable: "--font-reading-serif",
  fallback: ["Charter", "Georgia", "Cambria", "Times New Roman", "serif"],
});

/** Inter: the interface face — bylines, dates, buttons, forms, the header. */
export const interfaceSans = localFont({
  src: [
    {
      path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
      weight: "100 900",
      style: "normal",
    },
  ],
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
