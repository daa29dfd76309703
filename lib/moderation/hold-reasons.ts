import { countLinks, countRenderedLinks } from "@/lib/markdown/render-safe-markdown";
// Which moderation rules a new contribution trips, in precedence order (pure; unit-tested):
// disallowed words (→ spam) beat moderation words, which beat links, hold-all and the first
// contribution (→ held). Words match case-insensitively on whole words, in the text and the author's name.
export type RuleSettings = {
  holdFirstContribution: boolean;
  linkHoldThreshold: number;
  moderationWords: string[];
  disallowedWords: string[];
  holdAll: boolean;
};

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function findWord(words: string[], ...texts: string[]): string | null {
  for (const raw of words) {
    const word = raw.trim();
    if (!word) continue;
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_])${escape(word)}(?=$|[^\\p{L}\\p{N}_])`, "iu");
    if (texts.some((t) => re.test(t))) return word.toLowerCase();
  }
  return null;
}

/**
 * Links for the "≥ N links" rule: what the reader will see as links — the rendered body's links,
 * bare addresses the renderer autolinks included (lib/markdown) — and never fewer than the
 * addresses written anywhere in it (one in `code` is not a link, but it is still a URL to count).
 */
export function countBodyLinks(body: string, html?: string): number {
  const urls = body.match(/\b(?:https?:\/\/|www\.)[^\s<>()]+/gi) ?? [];
  const mdLinks = body.match(/\]\((?!https?:\/\/)[^)]+\)/g) ?? [];
  return Math.max(html === undefined ? countLinks(body) : countRenderedLinks(html), urls.length + mdLinks.length);
}

export function holdReasons(
  rules: RuleSettings,
  // `html`: the body as renderSafeMarkdown rendered it, when the caller has it (not rendered twice).
  input: { body: string; html?: string; authorName: string; isTrusted: boolean; emailUnconfirmed?: boolean },
): { status: "approved" | "pending" | "spam"; reasons: string[] } {
  const reasons: string[] = [];
  const disallowed = findWord(rules.disallowedWords, input.body, input.authorName);
  if (disallowed) reasons.push(`word:${disallowed}`);
  const moderated = findWord(rules.moderationWords, input.body, input.authorName);
  if (moderated && moderated !== disallowed) reasons.push(`word:${moderated}`);
  if (rules.linkHoldThreshold > 0 && countBodyLinks(input.body, input.html) >= rules.linkHoldThreshold)
    reasons.push("links");
  if (rules.holdAll) reasons.push("all_held");
  // An account from the sign-up page that has not opened its confirmation link (held whatever the
  // settings say; released when the address is confirmed, lib/users/email-confirmation.ts).
  if (input.emailUnconfirmed) reasons.push("unconfirmed");
  if (rules.holdFirstContribution && !input.isTrusted) reasons.push("first_comment");
  if (disallowed) return { status: "spam", reasons };
  return { status: reasons.length ? "pending" : "approved", reasons };
}
