export function isSharedPage(url: string): boolean;
