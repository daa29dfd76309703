import { authorSlug } from "@/lib/articles/author-slug";
import { findArchive } from "@/lib/articles/list-archives";
import { db } from "@/lib/db";

export type PublicProfile = {
  id: string;
  name: string;
  image: string | null;
  bio: string;
  joined: Date;
  /** `/author/<slug>` when articles are published under this person's name. */
  authorPath: string | null;
  comments: number;
  notes: number;
};

/**
 * A person's public page (`/users/<id>`, the `creator` id of their annotations): what anyone may
 * see — name, picture, bio, when they joined, how many visible comments and public notes they
 * wrote. Null for an unknown or deleted account (their contributions show "deleted user").
 */
export async function getPublicProfile(id: string): Promise<PublicProfile | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, image: true, bio: true, createdAt: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return null;
  const [comments, notes, archive] = await Promise.all([
    db.comment.count({ where: { authorId: id, status: "approved" } }),
    db.annotation.count({ where: { authorId: id, status: "approved", audience: "public" } }),
    findArchive("author", authorSlug(user.name)),
  ]);
  return {
    id: user.id,
    name: user.name,
    image: user.image,
    bio: user.bio,
    joined: user.createdAt,
    authorPath: archive?.path ?? null,
    comments,
    notes,
  };
}

/** The bio of the account whose name is an author's (an author archive shows it); "" when none. */
export async function authorBio(names: string[]): Promise<{ bio: string; userId: string } | null> {
  if (!names.length) return null;
  const user = await db.user.findFirst({
    where: { name: { in: names }, deletedAt: null, bio: { not: "" }, role: { in: ["editor", "admin"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, bio: true },
  });
  return user ? { bio: user.bio, userId: user.id } : null;
}
