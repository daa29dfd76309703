export function loaderScript(sources: string[], fallbackMs?: number): string;
export function deferChunkScripts(body: Buffer, nonce: string | null | undefined): Buffer;
export function scriptString(value: unknown): string;
