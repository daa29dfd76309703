import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorBio, getPublicProfile } from "@/lib/users/get-public-profile";
import { deleteAccount, updateBio } from "@/lib/users/manage-account";
import { insertArticle } from "../seed/articles";
import { storedComment } from "../seed/comments";
import { unique } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

// Issue 18, items 16 and 10: /users/<id> (an annotation's author link) and author bios.
describe("a person's public page", () => {
  it("shows name and bio, counts only what readers can see, and is gone with the account", async () => {
    const { viewer, password } = await createTestUser({ name: unique("Person") });
    await updateBio(viewer, "  Reads treaties.  ");
    const article = await insertArticle();
    await storedComment(article.id, viewer.id, "approved");
    await storedComment(article.id, viewer.id, "pending");
    await storedComment(article.id, viewer.id, "spam");
    const profile = await getPublicProfile(viewer.id);
    expect(profile).toMatchObject({
      id: viewer.id,
      name: viewer.name,
      bio: "Reads treaties.",
      comments: 1,
      notes: 0,
      authorPath: null,
    });
    expect(JSON.stringify(profile)).not.toContain(viewer.email);

    await deleteAccount(viewer, password);
    expect(await getPublicProfile(viewer.id)).toBeNull();
    expect(await getPublicProfile("no-such-person")).toBeNull();
    expect(await getPublicProfile("../../etc")).toBeNull();
  });

  it("refuses a bio over 300 characters with a field error, and keeps the old one", async () => {
    const { viewer } = await createTestUser();
    await updateBio(viewer, "Short.");
    const error = await expectAppError(updateBio(viewer, "x".repeat(301)), "bad_request");
    expect(error.fields?.bio).toBe("Use at most 300 characters.");
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).bio).toBe("Short.");
    await expectAppError(updateBio(null, "Anonymous"), "unauthorized");
  });

  it("an author archive shows the bio of the board member of that name, not a reader's who borrowed it", async () => {
    const name = unique("Author");
    const { viewer: reader } = await createTestUser({ name });
    await updateBio(reader, "I am not really the author.");
    expect(await authorBio([name])).toBeNull();
    const { viewer: editor } = await createTestUser({ name, role: "editor" });
    await updateBio(editor, "Writes on the law of the sea.");
    expect(await authorBio([name])).toEqual({ bio: "Writes on the law of the sea.", userId: editor.id });
  });
});
