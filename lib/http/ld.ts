import { annoMediaType } from "@/lib/annotations/annotation-json";

// Responses of the W3C Web Annotation Protocol: JSON-LD with its profile, Vary: Accept, LDP links.
export const containerLinks = [
  '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"',
  '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
].join(", ");
export const resourceLinks = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';

export function ld(data: unknown, init: ResponseInit & { headers?: Record<string, string> } = {}) {
  return new Response(JSON.stringify(data), {
    ...init,
    headers: { "Content-Type": annoMediaType, Vary: "Accept", "Cache-Control": "no-store", ...init.headers },
  });
}
