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
export function landsOnOwnPassage(revision: TracedRevision, from: number, to: number, start: number, end: number): boolean {
  let surviving = 0;
  let inside = 0;
  revision.origins.forEach((origin, at) => {
    if (origin < from || origin >= to) return;
    surviving++;
    if (at >= start && at < end) inside++;
  });
  return surviving > 0 && inside * 2 >= Math.min(end - start, surviving);
}
