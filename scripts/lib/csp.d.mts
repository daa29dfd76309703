export function inlineScriptHashes(html: string): string[];
export function newNonce(): string;
export function nonceRequestHeader(nonce: string): string;
export function contentSecurityPolicy(options?: {
  html?: string | null;
  nonce?: string | null;
  dev?: boolean;
  https?: boolean;
  formTargets?: string[];
}): string;
