import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createGroup } from "@/lib/groups/create-group";
import { joinGroup } from "@/lib/groups/join-group";
import { defaultSettings } from "@/lib/settings/get-settings";

// Reading groups (issue 19), made through the domain functions: the owner creates, members join by the link.

/** A group owned by `owner` with `members` joined through its invite link; returns its id and token. */
export async function makeGroup(owner: Viewer, members: Viewer[] = [], name = "Seminar on treaties") {
  const group = await createGroup(owner, { name, description: "Reading the Vienna Convention together." });
  const token = group.inviteUrl!.split("/").pop()!;
  for (const m of members) await joinGroup(m, { token });
  return { id: group.id, token, inviteUrl: group.inviteUrl! };
}

/** A note on "passage worth quoting" (insertArticle's text) for one group ("board": the editorial board's). */
export async function annotateGroup(viewer: Viewer, slug: string, group: string, note: string) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  const { annotation } = await createAnnotation(viewer, slug, {
    motivation: "commenting",
    bodyValue: note,
    audience: "group",
    group,
    target: {
      source: `http://localhost/articles/${slug}`,
      selector: { type: "TextQuoteSelector", exact: "passage worth quoting" },
    },
  });
  return annotation;
}

/** A reply to a note, as the container takes it. */
export async function replyTo(viewer: Viewer, slug: string, parentId: string, note: string) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  const { annotation } = await createAnnotation(viewer, slug, {
    motivation: "replying",
    bodyValue: note,
    target: `http://localhost/api/annotations/${slug}/${parentId}`,
  });
  return annotation;
}
