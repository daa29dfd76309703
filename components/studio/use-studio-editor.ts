"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  createArticleAction,
  previewImpactAction,
  type StudioResult,
  updateArticleAction,
} from "@/lib/actions/articles/save-article";
import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";
import type { EditorFields, EditorSnapshot } from "@/lib/articles/editor-snapshot";
import { slugify } from "@/lib/articles/slugify";

export type Intent = "autosave" | "draft" | "publish" | "schedule" | "unpublish";
export type SaveState = { kind: "idle" | "saving" | "saved" | "error" | "conflict"; message?: string };

const AUTOSAVE_MS = 1500;
const same = (a: EditorFields, b: EditorFields) => JSON.stringify(a) === JSON.stringify(b);

/** The request for `intent`: a published article's autosave keeps only its body as a draft. */
function payloadFor(intent: Intent, f: EditorFields, article: EditorSnapshot | null, publishAt?: string) {
  const base = article ? { baseRevision: article.headRevision } : {};
  if (intent === "unpublish") return { status: "draft", ...base };
  const bodyOnly = article && article.status !== "draft" && (intent === "autosave" || intent === "draft");
  if (bodyOnly) return { body: f.body, draft: true, ...base };
  const fields = {
    title: f.title,
    ...(f.slug ? { slug: f.slug } : {}),
    ...(f.author.trim() ? { author: f.author } : {}),
    affiliation: f.affiliation,
    credit: f.credit,
    excerpt: f.excerpt,
    categories: f.categories,
    tags: f.tags,
    commentsOpen: f.commentsOpen,
    annotationsOpen: f.annotationsOpen,
    body: f.body,
    ...base,
  };
  if (intent === "publish") return { ...fields, status: "published" };
  if (intent === "schedule") return { ...fields, publishAt };
  return article ? { ...fields, draft: true } : { ...fields, status: "draft" };
}

/**
 * The editor's state and its saves. Every request goes through one queue, so an autosave and a
 * click never race each other into a false stale-edit conflict; each reads the latest revision.
 */
export function useStudioEditor(initial: { fields: EditorFields; article: EditorSnapshot | null }) {
  const [fields, setFields] = useState(initial.fields);
  const [saved, setSaved] = useState(initial.fields);
  const [article, setArticle] = useState(initial.article);
  const [slugFromTitle, setSlugFromTitle] = useState(
    () =>
      initial.article?.status !== "published" &&
      (!initial.fields.slug || initial.fields.slug === slugify(initial.fields.title)),
  );
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [impact, setImpact] = useState<AnnotationImpact | null>(null);
  const [busy, setBusy] = useState<Intent | "impact" | null>(null);
  const latest = useRef({ fields, article, slugFromTitle, saved });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    latest.current = { fields, article, slugFromTitle, saved };
  }, [fields, article, slugFromTitle, saved]);

  const dirty = !same(fields, saved);
  const autosaves =
    state.kind !== "conflict" &&
    (article ? (article.status === "draft" ? dirty : fields.body !== saved.body) : dirty && fields.title.trim() !== "");

  const update = useCallback(<K extends keyof EditorFields>(key: K, value: EditorFields[K]) => {
    const derived =
      key === "title" && latest.current.slugFromTitle
        ? { slug: String(value).trim() ? slugify(String(value)) : "" }
        : {};
    setFields((f) => ({ ...f, [key]: value, ...derived }));
    if (key === "slug") setSlugFromTitle(false);
    if (key === "body") setImpact(null); // the preview no longer describes this text
  }, []);

  const enqueue = useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const applyResult = useCallback((r: StudioResult, sent: EditorFields, intent: Intent) => {
    if (!r.ok) {
      setErrors(r.errors ?? {});
      setState({ kind: r.conflict ? "conflict" : "error", message: r.message });
      return false;
    }
    const previous = latest.current.article;
    setArticle(r.article);
    // The next queued save may start before React re-renders: it must already send this revision
    // as its base (an autosave answered just before an Update click made a false conflict).
    latest.current = { ...latest.current, article: r.article };
    setErrors({});
    const bodyOnly = previous && previous.status !== "draft" && (intent === "autosave" || intent === "draft");
    // Unpublishing sends no fields: what was unsaved stays unsaved (and autosaves as the draft).
    if (intent !== "unpublish") {
      const now = latest.current.saved;
      const next = bodyOnly ? { ...now, body: sent.body } : { ...sent, slug: r.article.slug };
      // An autosave queued behind this save must see it at once (before React re-renders).
      latest.current = { ...latest.current, saved: next };
      setSaved(next);
    }
    if (!bodyOnly && intent !== "unpublish" && r.article.slug !== sent.slug) {
      // The server picked a free variant of the derived slug: keep it from now on.
      setFields((f) => (f.slug === sent.slug ? { ...f, slug: r.article.slug } : f));
      setSlugFromTitle(false);
      latest.current = {
        ...latest.current,
        slugFromTitle: false,
        fields:
          latest.current.fields.slug === sent.slug
            ? { ...latest.current.fields, slug: r.article.slug }
            : latest.current.fields,
      };
    }
    if (r.article.slug !== previous?.slug) window.history.replaceState(null, "", `/studio/${r.article.slug}`);
    setState({ kind: "saved", message: intent === "autosave" ? "Saved" : r.message });
    return true;
  }, []);

  const save = useCallback(
    (intent: Intent, publishAt?: string) =>
      enqueue(async () => {
        const { fields: f, article: a, slugFromTitle: derived } = latest.current;
        if (intent === "autosave" && !a && !f.title.trim()) return false;
        // A timer set before a Publish click fires after it: nothing is left to save, and the
        // click's answer ("Published.") stays on screen.
        const kept = latest.current.saved;
        if (intent === "autosave" && a && (a.status === "draft" ? same(f, kept) : f.body === kept.body)) return false;
        setBusy(intent === "autosave" ? null : intent);
        setState({ kind: "saving", message: "Saving…" });
        try {
          const payload = payloadFor(intent, f, a, publishAt);
          // The editor's time zone: a schedule is confirmed in it and in UTC.
          const options = {
            slugFromTitle: derived,
            intent,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          };
          const r = a
            ? await updateArticleAction(a.slug, payload, options)
            : await createArticleAction(payload, options);
          return applyResult(r, f, intent);
        } catch {
          setState({ kind: "error", message: "Could not reach the server. Your text is still here; try again." });
          return false;
        } finally {
          setBusy(null);
        }
      }),
    [applyResult, enqueue],
  );

  /** Publish (or Update): a published body change first shows what it does to readers' notes. */
  const publish = useCallback(
    () =>
      enqueue(async () => {
        const { fields: f, article: a } = latest.current;
        if (!a || a.publishedBody === null || a.notes === 0 || f.body === a.publishedBody) return "publish" as const;
        setBusy("impact");
        try {
          const r = await previewImpactAction(a.slug, payloadFor("publish", f, a));
          if (!r.ok) {
            applyResult(r, f, "publish");
            return null;
          }
          if (r.impact.kept + r.impact.moved + r.impact.orphaned.length === 0) return "publish" as const;
          setImpact(r.impact);
          return null;
        } finally {
          setBusy(null);
        }
      }).then((next) => (next ? save(next) : false)),
    [applyResult, enqueue, save],
  );

  const confirmImpact = useCallback(() => {
    setImpact(null);
    return save("publish");
  }, [save]);

  useEffect(() => {
    if (!autosaves) return;
    const timer = setTimeout(() => void save("autosave"), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [autosaves, fields, saved, save]);

  return {
    fields,
    update,
    article,
    dirty,
    state,
    errors,
    impact,
    busy,
    save,
    publish,
    confirmImpact,
    cancelImpact: () => setImpact(null),
  };
}
