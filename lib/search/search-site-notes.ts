import type { Viewer } from "@/lib/auth/viewer";
import { type NoteSearchFilters, noteSearchFiltersSchema } from "@/lib/validation/note";
import { normalizeSearchQuery } from "./normalize-search-query";
import { prepareTsQuery } from "./prepare-ts-query";
import type { SearchPage } from "./search-articles";
import { type NoteHit, searchNotes } from "./search-notes";

export const notesPerSearchPage = 10;

export type NotesSearch = {
  query: string;
  page: number;
  pageCount: number;
  filters: NoteSearchFilters;
  notes: SearchPage<NoteHit>;
};

// The /search page's Notes tab: the query cleaned up as for articles, then one page of the notes
// this viewer may see. Filters that do not parse are left out (the page is a GET form).
export async function searchSiteNotes(
  viewer: Viewer | null,
  rawQuery: unknown,
  rawPage: unknown = 1,
  rawFilters: Record<string, unknown> = {},
): Promise<NotesSearch> {
  const query = normalizeSearchQuery(rawQuery);
  const page = Math.min(1000, Math.max(1, Number.parseInt(String(rawPage ?? 1), 10) || 1));
  const parsed = noteSearchFiltersSchema.safeParse(rawFilters);
  const filters = parsed.success ? parsed.data : {};
  const none = { total: 0, more: false, available: 0, hits: [] };
  const prepared = await prepareTsQuery(query);
  if (!prepared) return { query, page, pageCount: 0, filters, notes: none };
  const notes = await searchNotes(viewer, prepared, {
    offset: (page - 1) * notesPerSearchPage,
    limit: notesPerSearchPage,
    filters,
  });
  return { query, page, pageCount: Math.ceil(notes.available / notesPerSearchPage), filters, notes };
}
