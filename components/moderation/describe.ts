// Words for what the moderation pages show in codes: hold reasons, ages, audit actions (pure; unit-tested).
import { formatUtc } from "@/lib/dates/format-utc";

/** A hold reason code as the moderators read it. */
export function reasonLabel(code: string, linkHoldThreshold: number): string {
  // Kept after approval: said as what happened, not as what the author still is.
  if (code === "first_comment") return "Held as a first contribution";
  if (code === "links") return `${linkHoldThreshold}+ links`;
  if (code === "all_held") return "Everything is held";
  if (code === "manual") return "Manual";
  if (code === "unconfirmed") return "E-mail not confirmed";
  if (code === "banned_author") return "Banned author";
  const word = /^word:(.+)$/.exec(code);
  if (word) return `Word: ${word[1]}`;
  const reported = /^reported:(\d+)$/.exec(code);
  if (reported) return `Reported by ${reported[1]} ${reported[1] === "1" ? "reader" : "readers"}`;
  return code;
}

/** The reason filter's choices: families, so "Reported" finds reported:3 and reported:5 alike. */
export const reasonFilters = [
  { value: "first_comment", label: "First contribution" },
  { value: "links", label: "Links" },
  { value: "word", label: "Words" },
  { value: "reported", label: "Reported" },
  { value: "all_held", label: "Everything is held" },
  { value: "manual", label: "Manual" },
  { value: "unconfirmed", label: "E-mail not confirmed" },
  { value: "banned_author", label: "Banned author" },
] as const;

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The text of a contribution's stored (sanitized) HTML, on one line: what a moderator reads of
 * a parent comment, without its Markdown (*emphasis*, _underscores_, escapes) or tags.
 */
export function plainTextOfHtml(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/blockquote|\/h[1-6]|\/pre)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return entities[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, " ")
    .trim();
}

const day = 86_400_000;

/** How long ago an account was made, coarsely: "today", "3 days", "5 months", "2 years". */
export function accountAge(createdAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - createdAt.getTime()) / day);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days < 1) return "today";
  if (days < 60) return plural(days, "day");
  if (days < 730) return plural(Math.floor(days / 30.44), "month");
  return plural(Math.floor(days / 365.25), "year");
}

const actions: Record<string, string> = {
  approve: "Approved",
  spam: "Marked as spam",
  trash: "Moved to Trash",
  restore: "Restored to Pending",
  dismiss_reports: "Dismissed reports",
  delete_permanently: "Deleted permanently",
  hide_reported: "Hid after reports",
  release_confirmed: "Shown once the author confirmed their e-mail",
  ban: "Banned",
  unban: "Unbanned",
  role: "Changed role",
  settings: "Changed the rules",
};

/** An audit log action in words. */
export const auditActionLabel = (action: string) => actions[action] ?? action;

const durations: Record<string, string> = { "1d": "1 day", "7d": "7 days", "30d": "30 days", permanent: "permanently" };
export const banDurationLabel = (d: string) => durations[d] ?? d;

const show = (v: unknown): string => {
  if (v === null || v === undefined) return "none";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "none";
  if (typeof v === "boolean") return v ? "on" : "off";
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return formatUtc(v);
  return String(v);
};

/** An audit entry's change as "field: before → after" lines (fields that describe the target are left out). */
export function describeChange(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "email");
  return keys.map((k) => {
    if (k === "duration") return `duration: ${banDurationLabel(String(a[k]))}`;
    return k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`;
  });
}
