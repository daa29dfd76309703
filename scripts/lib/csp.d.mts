export function inlineScriptHashes(html: string): string[];
export function contentSecurityPolicy(options?: { html?: string | null; dev?: boolean; https?: boolean; formTargets?: string[] }): string;
