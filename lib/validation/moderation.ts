import { z } from "zod";

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

// A queue tab: a status, or "reported" (items with open reports, pending or approved).
export const queueStatusSchema = z.enum(["pending", "approved", "spam", "trash", "reported"]).catch("pending");
export const itemTypeSchema = z.enum(["comment", "annotation"]);

export const moderationActionSchema = z.object({
  type: itemTypeSchema,
  ids: z.array(id).min(1, "Select at least one item.").max(1000, "At most 1,000 items at once."),
  action: z.enum(["approve", "spam", "trash", "restore", "dismiss_reports", "delete_permanently"]),
  reason: z.string().trim().max(500).optional(),
});

export const banSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the user's email address.")),
  duration: z.enum(["1d", "7d", "30d", "permanent"], "Duration must be 1d, 7d, 30d or permanent."),
  reason: z
    .string()
    .trim()
    .min(1, "Give the reason the user will see.")
    .max(500, "Keep the reason under 500 characters."),
});

const words = z
  .array(z.string().trim().min(1).max(60, "Words are at most 60 characters."))
  .max(500, "At most 500 words.");

export const moderationSettingsSchema = z.object({
  holdFirstContribution: z.boolean(),
  linkHoldThreshold: z.number().int().min(0, "0 turns the rule off.").max(50, "At most 50."),
  moderationWords: words,
  disallowedWords: words,
  holdAll: z.boolean(),
  closeAfterDays: z.number().int().min(1, "At least 1 day.").max(36500).nullable(),
  reportThreshold: z.number().int().min(1, "At least 1.").max(100, "At most 100."),
});
export type ModerationSettings = z.infer<typeof moderationSettingsSchema>;
