import { z } from "zod";

/** POST /api/me/notifications/read: `{ids: [...]}` or `{all: true}`. */
export const markReadSchema = z.union(
  [
    z.object({ all: z.literal(true) }).strict(),
    z
      .object({
        ids: z
          .array(z.string().min(1).max(64))
          .min(1, "Name at least one notification.")
          .max(500, "At most 500 at a time."),
      })
      .strict(),
  ],
  { error: 'Send {"ids": [...]} or {"all": true}.' },
);

export const notificationListSchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** Mail preferences on the account page. */
export const mailPreferencesSchema = z
  .object({
    notifyReplies: z.boolean().optional(),
    notifyFollowed: z.boolean().optional(),
    autoFollow: z.boolean().optional(),
  })
  .strict();
