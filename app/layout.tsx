import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { siteUrl } from "@/lib/env";
import { feedAlternates } from "@/lib/feeds/feed-links";
import { publication } from "@/lib/site";
import { interfaceSans, readingSerif, readingSerifItalic } from "./fonts/fonts";

// Every page reads the database or the viewer: nothing is prerendered at build time. Anonymous
// reader pages are cached whole by scripts/server.mjs instead.
export const dynamic = "force-dynamic";

// A function, not a constant: the public base URL is read from the environment at request time.
export function generateMetadata(): Metadata {
  const base = siteUrl();
  return {
    title: { default: publication.name, template: `%s · ${publication.name}` },
    description: publication.description,
    applicationName: "Gloss",
    metadataBase: new URL(`${base}/`),
    alternates: { types: feedAlternates(base) },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${readingSerif.variable} ${readingSerifItalic.variable} ${interfaceSans.variable}`}>
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
