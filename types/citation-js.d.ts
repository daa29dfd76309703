// Citation.js ships no types; the tests use this much of it (parse a file, format a bibliography).
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: Record<string, unknown>[];
    format(kind: "bibliography" | "bibtex" | "ris" | "data", options?: Record<string, unknown>): string;
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
