export function nginxPath(): string | null;
export function templateSite(
  site: string,
  o: {
    upstreamPort: number;
    httpPort: number;
    httpsPort: number;
    root: string;
    cert: string;
    key: string;
    cacheDir: string;
  },
): string;
export function startNginx(o: { upstreamPort: number; root: string; site?: string }): Promise<{
  httpUrl: string;
  httpsUrl: string;
  httpPort: number;
  httpsPort: number;
  dir: string;
  accessLog(): string;
  errorLog(): string;
  stop(): Promise<number | null>;
}>;
