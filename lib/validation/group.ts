import { z } from "zod";

export const maxGroupName = 80;
export const maxGroupDescription = 500;

/** A new reading group, from the /groups form or `POST /api/groups`. */
export const groupInputSchema = z.object({
  name: z.string().trim().min(1, "Give the group a name.").max(maxGroupName, `At most ${maxGroupName} characters.`),
  description: z
    .string()
    .trim()
    .max(maxGroupDescription, `At most ${maxGroupDescription} characters.`)
    .optional()
    .default(""),
});

/** A group's id in a path or a note's `group` (the built-in board's is "board"). */
export const groupIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a group id.");

/** The secret of an invite link (`/groups/join/<token>`). */
export const inviteTokenSchema = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, "This invite link is not valid."),
});

export type GroupInput = z.input<typeof groupInputSchema>;
