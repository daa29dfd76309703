"use client";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import "./annotations.css";
import { createPortal } from "react-dom";
import { usePersonal } from "@/components/personal/personal-store";
import { describeTextQuote } from "@/lib/anchoring/describe-text-quote";
import { liveRangeOf, type TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import type { PaintSpan } from "@/lib/anchoring/dom/paint-highlights";
import type { TextQuote } from "@/lib/anchoring/types";
import { signInHref as signInTo } from "@/lib/http/sign-in-href";
import { heldMessage } from "@/lib/moderation/explain-hold";
import { annotationsBase, createHighlight, createNote, createPageNote, reattachNote } from "../api/annotation-api";
import { useAnchorSpans, useArticleText, usePaint } from "../hooks/use-article-anchors";
import { useHighlightClicks } from "../hooks/use-highlight-clicks";
import { useNoteStore } from "../hooks/use-note-store";
import { type TextSelection, useCaretBrowsing, useTextSelection } from "../hooks/use-text-selection";
import { useWide } from "../hooks/use-wide";
import {
  buildThreads,
  filterChoices,
  type GroupChoice,
  matchesFilter,
  type NoteData,
  type NoteFilter,
  type ViewerInfo,
} from "../model/note-data";
import {
  blockAfter,
  byPosition,
  findThread,
  groupByPassage,
  noteTotal,
  pageNotes,
  storedListing,
} from "../model/passages";
import { CitePassage } from "./cite-passage";
import { MarginNotes } from "./margin-notes";
import { type NotesApi, NotesContext } from "./notes-context";
import { NotesFilter } from "./notes-filter";
import { NotesListing } from "./notes-listing";
import { PassagePanel } from "./passage-panel";
import { AnnotationEditor, type EditorValues, SelectionToolbar } from "./selection-toolbar";

type Props = {
  slug: string;
  notes: NoteData[];
  viewer: ViewerInfo | null;
  canWrite: boolean;
  banNotice: string | null;
  editWindowMs: number;
  linkHoldThreshold: number;
  /** The viewer's groups (the personal layer's): the margin's group switcher and the editor's audiences. */
  groups?: GroupChoice[];
  /** The annotation container's base path: readers' notes by default; the studio's review margin passes "/api/reviews/". */
  container?: string;
};

// Margin annotations on the article: reads the article text once, anchors and paints every
// note, lays the notes out beside their passages (or under a tapped paragraph on narrow
// screens), and lets a signed-in reader annotate a selection. Its server HTML (the first
// render, before the text is read) is the plain list of notes, for readers without JavaScript.
export function AnnotationsClient({
  slug,
  notes: initialNotes,
  viewer,
  canWrite,
  banNotice,
  editWindowMs,
  linkHoldThreshold,
  groups: myGroups = [],
  container = annotationsBase,
}: Props) {
  const review = container !== annotationsBase;
  const hintId = useId();
  const wide = useWide();
  const article = useArticleText();
  const [filter, setFilter] = useState<NoteFilter>({ person: "", tag: "" });
  const [activeId, setActiveId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [panel, setPanel] = useState<{ after: Element; ids: string[] } | null>(null);
  const [draft, setDraft] = useState<{
    span: TextSpan;
    rect: { top: number; bottom: number; left: number; right: number };
  } | null>(null);
  const [announcement, setAnnouncement] = useState({ text: "", error: false });
  const [reveal, setReveal] = useState<{ threadOf: string; focus: boolean } | null>(null);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const [aside, setAside] = useState<HTMLElement | null>(null);
  const [reattaching, setReattaching] = useState<string | null>(null);
  const [pageDraft, setPageDraft] = useState(false);
  const pageButtonId = useId();
  const [citing, setCiting] = useState<{ selection: TextSelection; quote: TextQuote } | null>(null);

  const announce = useCallback((text: string) => setAnnouncement({ text, error: false }), []);
  const revealNote = useCallback((id: string) => setReveal({ threadOf: id, focus: true }), []);
  // The personal layer (already here: the loader waits for it) says whether the writer is unconfirmed.
  const personal = usePersonal(slug);
  const store = useNoteStore(slug, initialNotes, announce, revealNote, linkHoldThreshold, container);
  const threads = useMemo(() => buildThreads(store.notes), [store.notes]);
  const spans = useAnchorSpans(article, threads);
  const choices = useMemo(() => filterChoices(threads), [threads]);

  const visible = useMemo(() => threads.filter((t) => matchesFilter(t, filter)), [threads, filter]);
  const { page, anchored, orphaned } = useMemo(() => {
    if (!article) return storedListing(visible);
    // Page notes first and apart: they have no passage, so they are never "not found".
    const onPassages = visible.filter((t) => !t.page);
    return {
      page: pageNotes(visible),
      anchored: onPassages.filter((t) => spans.has(t.id)).sort(byPosition(spans)),
      orphaned: onPassages.filter((t) => !spans.has(t.id)),
    };
  }, [article, visible, spans]);
  const groups = useMemo(() => groupByPassage(anchored, spans), [anchored, spans]);

  const paint = useMemo<PaintSpan[]>(
    () =>
      anchored.flatMap((t) => {
        const span = spans.get(t.id);
        return span
          ? [{ ...span, kind: t.motivation === "highlighting" ? ("highlight" as const) : ("note" as const) }]
          : [];
      }),
    [anchored, spans],
  );
  // Lit in the text: the passage being annotated, else the one pointed at, else the active note's.
  // Without the Custom Highlight API painting rewrites the text's nodes (<mark>s), so pointing
  // does not repaint there: a click right after a hover would meet a text map of replaced nodes.
  const litId = (article?.fallback ? null : hoveredId) ?? activeId;
  const activeSpan = draft?.span ?? (litId ? (spans.get(litId) ?? null) : null);
  const liveMap = usePaint(article, paint, activeSpan);
  const [selection, setSelection] = useTextSelection(article?.body ?? null, liveMap, host);
  const caret = useCaretBrowsing(article?.body ?? null, liveMap, hintId);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- portal targets exist in the DOM only
    setHost(document.querySelector<HTMLElement>("[data-annotation-host]"));
    setAside(document.querySelector<HTMLElement>("[data-margin-column]"));
  }, []);

  // Open a passage's notes: beside it on wide screens, in a panel under its paragraph otherwise.
  const open = useCallback(
    (ids: string[], focusId: string, focus: boolean) => {
      const thread = findThread(threads, focusId);
      if (!thread) return;
      setActiveId(thread.id);
      const span = spans.get(thread.id);
      if (!wide && article && span) {
        const after = blockAfter(article, span);
        if (after) setPanel({ after, ids: ids.includes(thread.id) ? ids : [thread.id] });
      }
      if (focus) setReveal({ threadOf: focusId, focus: true });
    },
    [threads, spans, wide, article],
  );

  // Focus a note once it is rendered where it belongs (margin, panel or list).
  useEffect(() => {
    if (!reveal || !article) return;
    const thread = findThread(threads, reveal.threadOf);
    if (!thread) return;
    if (!wide && spans.has(thread.id) && !panel?.ids.includes(thread.id)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- opens the panel the note must be focused in
      open([thread.id], reveal.threadOf, false);
      return;
    }
    const element = document.getElementById(`annotation-${reveal.threadOf}`);
    if (!element) return;
    setReveal(null);
    setActiveId(thread.id);
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest" });
  }, [reveal, article, threads, spans, wide, panel, open]);

  // A permalink (#annotation-<id>): scroll to the passage, light it up and open the note.
  useEffect(() => {
    if (!article) return;
    const follow = () => {
      // #annotation-<id>, or the notes list's no-JavaScript link (?note=<id>#passage-<id>).
      const id = /^#(?:annotation|passage)-([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1];
      const thread = id ? findThread(threads, id) : undefined;
      if (!id || !thread) return;
      const span = spans.get(thread.id);
      const rect = span ? liveRangeOf(article.map, span)?.getBoundingClientRect() : null;
      if (rect) scrollTo({ top: rect.top + scrollY - innerHeight / 4 });
      setActiveId(thread.id);
      setReveal({ threadOf: id, focus: true });
    };
    follow();
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
    // Only on load and on hash changes: not every time the notes change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article]);

  useHighlightClicks(article?.body ?? null, liveMap, anchored, spans, open, setHoveredId);

  const quoteOf = (span: TextSpan) => {
    const { text, index } = article!.resolver;
    const start = index.toCodePoint(span.start);
    const end = index.toCodePoint(span.end);
    return { quote: describeTextQuote(text, start, end, index), start, end };
  };

  const finishSelection = () => {
    setDraft(null);
    setSelection(null);
    document.getSelection()?.removeAllRanges();
  };

  const saveNote = async (values: EditorValues) => {
    if (!draft) return null;
    const r = await createNote(slug, { ...quoteOf(draft.span), ...values }, container);
    if (!r.ok) return r.message;
    const note = store.put(r.data);
    finishSelection();
    announce(
      r.status === 202
        ? heldMessage(note.reasons, linkHoldThreshold)
        : review
          ? "Review note saved."
          : values.audience === "private"
            ? "Private note saved: only you can see it."
            : values.audience === "group"
              ? `Group note saved: only the members of ${myGroups.find((g) => g.id === values.group)?.name ?? "the group"} can see it.`
              : "Note saved.",
    );
    open([note.id], note.id, true);
    setReveal({ threadOf: note.id, focus: true });
    return null;
  };

  const saveHighlight = async () => {
    if (!selection) return;
    setAnnouncement({ text: "", error: false });
    const r = await createHighlight(slug, quoteOf(selection.span), container);
    if (!r.ok) return setAnnouncement({ text: r.message, error: true });
    store.put(r.data);
    finishSelection();
    announce("Highlight saved: only you can see it.");
  };

  // A note on the whole article: no selection, the article itself is the target.
  const savePageNote = async (values: EditorValues) => {
    const r = await createPageNote(slug, values, container);
    if (!r.ok) return r.message;
    const note = store.put(r.data);
    setPageDraft(false);
    announce(
      r.status === 202
        ? heldMessage(note.reasons, linkHoldThreshold)
        : values.audience === "private"
          ? "Private note on this page saved: only you can see it."
          : "Note on this page saved.",
    );
    setReveal({ threadOf: note.id, focus: true });
    return null;
  };
  const cancelPageNote = () => {
    setPageDraft(false);
    requestAnimationFrame(() => document.getElementById(pageButtonId)?.focus());
  };

  // Re-attaching an orphaned note: the reader picks its new passage, then "Attach here".
  const cancelReattach = useCallback(() => {
    const id = reattaching;
    setReattaching(null);
    setSelection(null);
    document.getSelection()?.removeAllRanges();
    announce("Re-attaching cancelled.");
    if (id) setReveal({ threadOf: id, focus: true });
  }, [reattaching, announce, setSelection]);
  const startReattach = (id: string) => {
    if (reattaching === id) return cancelReattach();
    if (draft) return setAnnouncement({ text: "Save or cancel your new note first.", error: true });
    setReattaching(id);
    announce("Select the passage this note belongs to in the article, then choose “Attach here”. Escape cancels.");
    // Keyboard readers select with Shift and the arrows from the article body (caret mode).
    article?.body.focus({ preventScroll: true });
    // On a phone the notes list is below the article: bring the text to pick from into view.
    if (!wide && article)
      article.body.scrollIntoView({
        block: "start",
        behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth",
      });
  };
  useEffect(() => {
    if (!reattaching) return;
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (e.key === "Escape" && !e.defaultPrevented && !typing) cancelReattach();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [reattaching, cancelReattach]);
  // The note went away (deleted, or filtered out of the page): nothing left to re-attach.
  const reattachGone = !!reattaching && !store.notes.some((n) => n.id === reattaching && n.status !== "deleted");
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- leaves a mode whose note no longer exists
    if (reattachGone) setReattaching(null);
  }, [reattachGone]);
  const attach = async () => {
    if (!selection || !reattaching) return;
    setAnnouncement({ text: "", error: false });
    const r = await reattachNote(slug, reattaching, quoteOf(selection.span), container);
    if (!r.ok) return setAnnouncement({ text: r.message, error: true });
    const note = store.put(r.data);
    finishSelection();
    setReattaching(null);
    announce("Note re-attached to the passage you selected.");
    open([note.id], note.id, true);
  };

  const cancelDraft = () => {
    setDraft(null);
    article?.body.focus({ preventScroll: true });
  };

  const api: NotesApi = {
    slug,
    viewer,
    canWrite,
    banNotice,
    editWindowMs,
    linkHoldThreshold,
    interactive: !!article,
    activeId,
    hoveredId,
    reply: store.reply,
    edit: store.edit,
    remove: store.remove,
    report: store.report,
    activate: setActiveId,
    startReattach,
    reattachingId: reattaching,
    groups: myGroups,
    removeFromGroup: store.removeFromGroup,
    ...(review ? { review: { resolve: store.resolve } } : {}),
    showPassage: (id) => {
      const span = spans.get(id);
      const rect = span && article ? liveRangeOf(article.map, span)?.getBoundingClientRect() : null;
      if (rect) scrollTo({ top: rect.top + scrollY - innerHeight / 3, behavior: "smooth" });
      setActiveId(id);
      if (!wide) open([id], id, true);
    },
  };

  const filterUi = article ? (
    <NotesFilter
      people={choices.people}
      tags={choices.tags}
      filter={filter}
      onChange={setFilter}
      groups={review ? [] : myGroups}
    />
  ) : null;
  const inPanel = new Set(panel?.ids ?? []);
  const panelThreads = panel ? anchored.filter((t) => inPanel.has(t.id)) : [];
  const total = noteTotal(threads);
  const signInHref = signInTo(`/articles/${slug}`);
  // Wide screens write beside the passage (as Google Docs and Hypothesis do); narrow ones under it.
  const composeInMargin = wide && !!aside;
  const editor =
    draft && host && article ? (
      <AnnotationEditor
        host={host}
        selection={draft}
        quote={article.map.text.slice(draft.span.start, draft.span.end)}
        onSave={saveNote}
        onCancel={cancelDraft}
        inMargin={composeInMargin}
        groups={review ? [] : myGroups}
        initialAudience={filter.layer || "public"}
        unconfirmed={!!personal?.unconfirmed}
      />
    ) : null;

  // "Note on this page": readers' notes only (the desk's review notes are about passages).
  const pageComposer =
    review || !article || !canWrite ? null : pageDraft && host ? (
      <AnnotationEditor
        host={host}
        selection={null}
        quote={null}
        onSave={savePageNote}
        onCancel={cancelPageNote}
        inMargin={composeInMargin}
      />
    ) : viewer ? (
      <button
        id={pageButtonId}
        type="button"
        onClick={() => setPageDraft(true)}
        className="inline-flex min-h-9 items-center rounded-md border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Note on this page
      </button>
    ) : (
      <a
        href={signInHref}
        className="inline-flex min-h-9 items-center text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300"
      >
        Sign in to write a note on this page
      </a>
    );

  return (
    <NotesContext.Provider value={api}>
      {!article || !wide ? (
        <NotesListing
          page={page}
          pageComposer={pageComposer}
          anchored={anchored}
          orphaned={orphaned}
          total={total}
          filter={filterUi}
          idsFor={(id) => !inPanel.has(id)}
        />
      ) : null}
      {article && wide && aside
        ? createPortal(
            <MarginNotes
              pageNotes={page}
              pageComposer={pageComposer}
              groups={groups}
              orphaned={orphaned}
              total={total}
              map={liveMap ?? article.map}
              body={article.body}
              filter={filterUi}
              activeId={activeId}
              composer={composeInMargin && draft && editor ? { span: draft.span, node: editor } : null}
              litId={litId}
            />,
            aside,
          )
        : null}
      {article && !wide && panel && panelThreads.length ? (
        <PassagePanel
          after={panel.after}
          threads={panelThreads}
          onClose={() => {
            setPanel(null);
            setActiveId(null);
          }}
        />
      ) : null}
      {article && host
        ? createPortal(
            <>
              <p id={hintId} className="sr-only">
                Article text. Move with the arrow keys, select with Shift and the arrow keys, then press Tab to annotate
                the selection.
              </p>
              {caret ? (
                <span
                  aria-hidden="true"
                  className="gloss-caret"
                  style={{ top: caret.top - hostTop(host), left: caret.left - hostLeft(host), height: caret.height }}
                />
              ) : null}
              {selection && !draft && !citing ? (
                <SelectionToolbar
                  host={host}
                  selection={selection}
                  viewer={viewer}
                  canWrite={canWrite}
                  banNotice={banNotice}
                  signInHref={signInHref}
                  error={announcement.error ? announcement.text : null}
                  onAnnotate={() => setDraft(selection)}
                  onHighlight={review ? undefined : saveHighlight}
                  annotateLabel={review ? "Comment on this passage" : undefined}
                  reattach={reattaching ? { onAttach: attach, onCancel: cancelReattach } : null}
                  onCite={review ? undefined : () => setCiting({ selection, quote: quoteOf(selection.span).quote })}
                />
              ) : null}
              {citing ? (
                <CitePassage
                  host={host}
                  selection={citing.selection}
                  slug={slug}
                  quote={citing.quote}
                  onClose={() => {
                    setCiting(null);
                    article.body.focus({ preventScroll: true });
                  }}
                />
              ) : null}
              {reattaching ? (
                <div
                  role="region"
                  aria-label="Re-attaching a note"
                  className="fixed inset-x-0 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100%-2rem)] flex-wrap items-center gap-3 rounded-md bg-zinc-900 px-4 py-2 font-sans text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
                >
                  <p>Select the new passage for your note in the article, then choose “Attach here”.</p>
                  <button
                    type="button"
                    onClick={cancelReattach}
                    className="rounded px-2 py-1 font-medium underline underline-offset-2"
                  >
                    Cancel re-attach
                  </button>
                </div>
              ) : null}
              {!composeInMargin ? editor : null}
              {caret && !selection && !reattaching ? (
                <p
                  aria-hidden="true"
                  className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-md bg-zinc-900 px-3 py-2 font-sans text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
                >
                  Arrows move · Shift+arrows select · then Tab to Annotate
                </p>
              ) : null}
              <p role="status" aria-live="polite" className="sr-only">
                {announcement.text}
              </p>
            </>,
            host,
          )
        : null}
    </NotesContext.Provider>
  );
}

const hostTop = (host: HTMLElement) => host.getBoundingClientRect().top + scrollY;
const hostLeft = (host: HTMLElement) => host.getBoundingClientRect().left + scrollX;
