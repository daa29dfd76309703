// Test support: random revisions of a text that remember where every character came from, so
// a test can tell whether an anchor landed on its own passage (or what is left of it).

/** A character of the revised text, and its offset in the original (−1 when new). */
type TracedChar = { char: string; origin: number };

export type TracedRevision = {
  text: string;
  /** The original offset of each UTF-16 unit of `text` (−1 for inserted text). */
  origins: number[];
};

const FILLER = ["Iran", "Albania", "the", "state", "attack", "cyber", "NATO", "sanctions", "actions", "international"];

/**
 * 1–6 random edits of `original`: passages of 20–320 characters deleted, sentences of filler
 * words inserted, a word's last letter changed (a typo fix), whole paragraphs moved.
 */
export function randomRevision(original: string, random: () => number): TracedRevision {
  const pick = (count: number) => Math.floor(random() * count);
  let chars: TracedChar[] = Array.from(original, (char, origin) => ({ char, origin }));
  const fresh = (text: string) => Array.from(text, (char) => ({ char, origin: -1 }));
  const edits = 1 + pick(6);
  for (let edit = 0; edit < edits; edit++) {
    const kind = pick(4);
    if (kind === 0) {
      chars.splice(pick(chars.length), 20 + pick(300));
    } else if (kind === 1) {
      const words = Array.from({ length: 3 + pick(10) }, () => FILLER[pick(FILLER.length)]);
      chars.splice(pick(chars.length), 0, ...fresh(` ${words.join(" ")}.`));
    } else if (kind === 2) {
      const text = chars.map((traced) => traced.char).join("");
      const words = [...text.matchAll(/[A-Za-z]{4,}/g)];
      const word = words[pick(words.length)];
      const last = word.index + word[0].length - 1;
      chars[last] = { char: word[0].endsWith("e") ? "a" : "e", origin: -1 };
    } else {
      const paragraphs: TracedChar[][] = [[]];
      for (const traced of chars) {
        if (traced.char === "\n") paragraphs.push([]);
        else paragraphs[paragraphs.length - 1].push(traced);
      }
      const [moved] = paragraphs.splice(pick(paragraphs.length), 1);
      paragraphs.splice(pick(paragraphs.length + 1), 0, moved);
      chars = paragraphs.flatMap((paragraph, index) => (index === 0 ? paragraph : [...fresh("\n"), ...paragraph]));
    }
  }
  return { text: chars.map((traced) => traced.char).join(""), origins: chars.map((traced) => traced.origin) };
}

/**
 * Whether text[start, end) of the revision is the passage that was original[from, to): at least
 * half of the placement (or of what survives of the passage, if less) is made of its characters.
 */
export function landsOnOwnPassage(
  revision: TracedRevision,
  from: number,
  to: number,
  start: number,
  end: number,
): boolean {
  let surviving = 0;
  let inside = 0;
  revision.origins.forEach((origin, at) => {
    if (origin < from || origin >= to) return;
    surviving++;
    if (at >= start && at < end) inside++;
  });
  return surviving > 0 && inside * 2 >= Math.min(end - start, surviving);
}

// Rewordings of one quoted passage, each with the outcome anchoring must have: the kinds of edit
// seen in real revisions (issue 20), and look-alike traps where the only right answer is to orphan.

export const FOLLOWABLE_KINDS = [
  "word-inserted",
  "word-removed",
  "sentence-split",
  "sentences-joined",
  "last-words-rewritten",
  "last-words-cut",
  "clause-added",
  "typographic",
] as const;
export const ORPHAN_KINDS = ["rewritten", "reworded-twice", "deleted-near-copy"] as const;
export type RewordingKind = (typeof FOLLOWABLE_KINDS)[number] | (typeof ORPHAN_KINDS)[number];

export type RewordingCase = {
  kind: RewordingKind;
  /** Typographic changes (quotes, dashes, spaces, soft hyphens) made in the quote as well. */
  typographic: boolean;
  /** "follow": land on the passage's own (edited) text or orphan; "orphan": nowhere. */
  expect: "follow" | "orphan";
  oldText: string;
  oldBlocks: { id: string; text: string }[];
  /** The quote: oldText[from, to) (UTF-16; the seed has no astral characters). */
  from: number;
  to: number;
  revision: TracedRevision & { blocks: { id: string; text: string }[] };
};

type Word = { start: number; end: number };

/**
 * One rewording of a random passage (5–16 words inside one paragraph, said once) of `base`: the edit
 * `kind` made inside it (typographic changes as well, one time in three), and one time in two
 * a sentence added at the start of another paragraph, so positions shift.
 */
export function randomRewording(base: string, random: () => number, kind: RewordingKind): RewordingCase {
  const pick = (count: number) => Math.floor(random() * count);
  const filler = () => FILLER[pick(FILLER.length)];
  const paragraphs = lines(base).filter((line) => line.text.split(" ").length >= 24);
  let oldText = base;
  let from: number;
  let to: number;
  // Joining needs a sentence end inside the quote: 3–7 words each side of one.
  if (kind === "sentences-joined") {
    const ends = [...base.matchAll(/[a-z]\. (?=[A-Z])/g)].map((match) => match.index + 2);
    const boundary = ends[pick(ends.length)];
    const words = wordsOf(base);
    const after = words.findIndex((word) => word.start >= boundary);
    from = words[Math.max(0, after - 3 - pick(5))].start;
    to = words[Math.min(words.length - 1, after + 2 + pick(5))].end;
    if (base.slice(from, to).includes("\n")) return randomRewording(base, random, kind);
  } else {
    const paragraph = paragraphs[pick(paragraphs.length)];
    const words = wordsOf(paragraph.text);
    const count = 5 + pick(12);
    const first = pick(words.length - count);
    from = paragraph.start + words[first].start;
    to = paragraph.start + words[first + count - 1].end;
  }

  // A passage the text says once (one that recurs is another test: random-revisions.test.ts).
  if (base.indexOf(base.slice(from, to)) !== base.lastIndexOf(base.slice(from, to)))
    return randomRewording(base, random, kind);

  if (kind === "deleted-near-copy") {
    // A near-copy (one word replaced) in another paragraph of the old text, which stays.
    const quote = base.slice(from, to);
    const quoteWords = wordsOf(quote);
    const replaced = quoteWords[1 + pick(quoteWords.length - 2)];
    const copy = ` ${quote.slice(0, replaced.start)}${filler()}${quote.slice(replaced.end)}.`;
    const others = paragraphs.filter((line) => line.start + line.text.length < from || line.start > to);
    const host = others[pick(others.length)];
    const at = host.start + host.text.length;
    oldText = base.slice(0, at) + copy + base.slice(at);
    if (at < from) {
      from += copy.length;
      to += copy.length;
    }
  }

  let chars: TracedChar[] = Array.from(oldText, (char, origin) => ({ char, origin }));
  const fresh = (text: string) => Array.from(text, (char) => ({ char, origin: -1 }));
  const words = wordsOf(oldText.slice(from, to)).map((word) => ({ start: word.start + from, end: word.end + from }));
  const interior = () => 1 + pick(words.length - 2);
  // Edits are made from the end backwards, so earlier offsets stay valid.
  const edits: { start: number; end: number; text: string }[] = [];
  switch (kind) {
    case "word-inserted": {
      const at = words[interior()].start;
      edits.push({ start: at, end: at, text: `${filler()} ` });
      break;
    }
    case "word-removed": {
      const word = words[interior()];
      edits.push({ start: word.start, end: word.end + 1, text: "" });
      break;
    }
    case "sentence-split": {
      const word = words[1 + pick(words.length - 3)];
      const next = word.end + 1;
      const comma = oldText[word.end - 1] === "," ? word.end - 1 : word.end;
      edits.push({ start: comma, end: next + 1, text: `. ${oldText[next].toUpperCase()}` });
      break;
    }
    case "sentences-joined": {
      const at = oldText.slice(from, to).search(/\. [A-Z]/) + from;
      edits.push({ start: at, end: at + 3, text: `, and ${oldText[at + 2].toLowerCase()}` });
      break;
    }
    case "last-words-rewritten": {
      const cut = 1 + pick(Math.min(2, words.length - 4));
      const text = Array.from({ length: 1 + pick(3) }, filler).join(" ");
      edits.push({ start: words[words.length - cut].start, end: to, text });
      break;
    }
    case "last-words-cut": {
      const cut = 1 + pick(Math.min(2, words.length - 4));
      edits.push({ start: words[words.length - cut - 1].end, end: to, text: "" });
      break;
    }
    case "clause-added": {
      const word = words[interior()];
      edits.push({ start: word.end, end: word.end, text: `, which ${filler()} ${filler()} ${filler()} said,` });
      break;
    }
    case "typographic":
      break;
    case "rewritten":
      edits.push({ start: from, end: to, text: Array.from({ length: words.length }, filler).join(" ") });
      break;
    case "reworded-twice": {
      // Reworded in place, and the reworded sentence written into another paragraph as well.
      const at = words[interior()].start;
      const word = filler();
      edits.push({ start: at, end: at, text: `${word} ` });
      const reworded = oldText.slice(from, at) + `${word} ` + oldText.slice(at, to);
      // A word inserted next to itself ("the the Iranian") rewords nothing: the quote is still
      // there verbatim, in its place and in the copy, and its context rightly picks its place.
      if (reworded.includes(oldText.slice(from, to))) return randomRewording(base, random, kind);
      const others = paragraphs.filter((line) => line.start + line.text.length < from || line.start > to);
      const host = others[pick(others.length)];
      const end = host.start + host.text.length;
      edits.push({ start: end, end, text: ` ${reworded[0].toUpperCase()}${reworded.slice(1)}.` });
      break;
    }
    case "deleted-near-copy":
      edits.push({ start: from, end: to + (oldText[to] === " " ? 1 : 0), text: "" });
      break;
  }
  const typographic =
    kind === "typographic" || (kind !== "rewritten" && kind !== "deleted-near-copy" && random() < 1 / 3);
  edits.sort((a, b) => b.start - a.start);
  for (const edit of edits) chars.splice(edit.start, edit.end - edit.start, ...fresh(edit.text));
  if (typographic)
    chars = typographicChanges(
      chars,
      from,
      from +
        (to - from) +
        edits.reduce((sum, edit) => (edit.start < to ? sum + edit.text.length - (edit.end - edit.start) : sum), 0),
      random,
    );

  if (random() < 0.5) {
    // An unrelated sentence at the start of another paragraph: every later position shifts.
    const starts = chars.flatMap((traced, at) =>
      at > 0 && chars[at - 1].char === "\n" && (at < from || at > to) ? [at] : [],
    );
    if (starts.length)
      chars.splice(starts[pick(starts.length)], 0, ...fresh(`${Array.from({ length: 4 }, filler).join(" ")}. `));
  }

  const revision = { text: chars.map((traced) => traced.char).join(""), origins: chars.map((traced) => traced.origin) };
  const oldBlocks = lines(oldText).map((line, index) => ({ id: `b${index}`, text: line.text }));
  return {
    kind,
    typographic,
    expect: (ORPHAN_KINDS as readonly string[]).includes(kind) ? "orphan" : "follow",
    oldText,
    oldBlocks,
    from,
    to,
    revision: { ...revision, blocks: blocksOf(revision, oldText, oldBlocks) },
  };
}

// Straight apostrophes curled (curly ones straightened), hyphens made en dashes, a space made a
// no-break space and a soft hyphen put in a long word, inside text[from, to).
function typographicChanges(chars: TracedChar[], from: number, to: number, random: () => number): TracedChar[] {
  const swaps: Record<string, string> = { "'": "’", "’": "'", "-": "–", '"': "“", "“": '"', "”": '"' };
  const changed = chars.slice();
  let spaces = 0;
  for (let at = from; at < to; at++) {
    const swap = swaps[changed[at].char];
    if (swap) changed[at] = { char: swap, origin: changed[at].origin };
    else if (changed[at].char === " " && spaces++ === 1) changed[at] = { char: "\u00a0", origin: changed[at].origin };
  }
  const text = changed
    .slice(from, to)
    .map((traced) => traced.char)
    .join("");
  const long = [...text.matchAll(/\p{L}{7,}/gu)];
  if (long.length) {
    const word = long[Math.floor(random() * long.length)];
    changed.splice(from + word.index + 3, 0, { char: "\u00ad", origin: -1 });
  }
  return changed;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function lines(text: string): { start: number; text: string }[] {
  let start = 0;
  return text.split("\n").map((line) => {
    const entry = { start, text: line };
    start += line.length + 1;
    return entry;
  });
}

// The server keeps a block's id across revisions when it matches (matchBlockIds); here a
// paragraph keeps the id of the old block its first surviving character came from.
function blocksOf(revision: TracedRevision, oldText: string, oldBlocks: { id: string }[]) {
  const oldLine = new Int32Array(oldText.length);
  for (let at = 0, line = 0; at < oldText.length; at++) {
    oldLine[at] = line;
    if (oldText[at] === "\n") line++;
  }
  let fresh = 0;
  const used = new Set<string>();
  return lines(revision.text).map((entry) => {
    let id: string | undefined;
    for (let at = entry.start; at < entry.start + entry.text.length && id === undefined; at++) {
      const origin = revision.origins[at];
      if (origin >= 0) id = oldBlocks[oldLine[origin]].id;
    }
    if (id === undefined || used.has(id)) id = `new${fresh++}`;
    used.add(id);
    return { id, text: entry.text };
  });
}
