// The /notifications page groups what arrived together: consecutive notifications (newest first)
// of the same kind about the same article, in the same read state, become one line — "3 new
// comments on …" — instead of one line each. Pure: the page and a unit test use it.

export type Groupable = {
  id: string;
  type: "reply" | "comment" | "approved" | "review";
  read: boolean;
  article: { slug: string; title: string } | null;
};

export type NotificationGroup<T extends Groupable> = {
  key: string;
  type: T["type"];
  read: boolean;
  article: T["article"];
  items: T[];
};

export function groupNotifications<T extends Groupable>(items: T[]): NotificationGroup<T>[] {
  const groups: NotificationGroup<T>[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    const groupable = item.type === "comment" || item.type === "reply";
    if (
      last &&
      groupable &&
      last.type === item.type &&
      last.read === item.read &&
      last.article &&
      item.article?.slug === last.article.slug
    )
      last.items.push(item);
    else groups.push({ key: item.id, type: item.type, read: item.read, article: item.article, items: [item] });
  }
  return groups;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The line that says what a group is. */
export function groupSummary(
  g: NotificationGroup<Groupable & { actor?: { name: string } | null; excerpt?: string }>,
): string {
  const n = g.items.length;
  const title = g.article ? `“${g.article.title}”` : "an article";
  const who = g.items[0].actor?.name ?? "Someone";
  switch (g.type) {
    case "comment":
      return n === 1 ? `${who} commented on ${title}` : `${n} new comments on ${title}`;
    case "reply":
      return n === 1 ? `${who} replied to you on ${title}` : `${n} ${plural(n, "reply", "replies")} to you on ${title}`;
    case "approved":
      return `Your contribution on ${title} was approved and is now visible`;
    case "review":
      return `A decision on your article ${title}`;
  }
}
