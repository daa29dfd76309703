"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { AppError, isAppError } from "@/lib/errors";
import { updateModerationSettings } from "@/lib/moderation/update-moderation-settings";

const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((w) => w.trim())
    .filter(Boolean);
// Form text → the schema's types; whether the numbers are in range is the domain schema's call.
const whole = z
  .string()
  .default("")
  .refine((v) => /^-?\d+$/.test(v.trim()), "Enter a whole number.")
  .transform((v) => Number(v.trim()));

const form = z.object({
  linkHoldThreshold: whole,
  reportThreshold: whole,
  closeAfterDays: z
    .string()
    .default("")
    .refine((v) => !v.trim() || /^-?\d+$/.test(v.trim()), "Enter a whole number.")
    .transform((v) => (v.trim() ? Number(v.trim()) : null)),
  moderationWords: formText(),
  disallowedWords: formText(),
  holdFirstContribution: formText(),
  holdAll: formText(),
});

export const updateSettingsAction = formAction(form, async (values, { viewer }) => {
  const { moderationWords, disallowedWords } = values;
  try {
    await updateModerationSettings(viewer, {
      holdFirstContribution: !!values.holdFirstContribution,
      holdAll: !!values.holdAll,
      moderationWords: lines(moderationWords),
      disallowedWords: lines(disallowedWords),
      linkHoldThreshold: values.linkHoldThreshold,
      closeAfterDays: values.closeAfterDays,
      reportThreshold: values.reportThreshold,
    });
  } catch (e) {
    // A word's error ("moderationWords.3") is shown beside its list, naming the word.
    if (!isAppError(e) || !e.fields) throw e;
    const listed = { moderationWords, disallowedWords };
    throw new AppError(
      e.code,
      e.message,
      Object.fromEntries(
        Object.entries(e.fields).map(([k, m]) => {
          const at = /^(moderationWords|disallowedWords)\.(\d+)$/.exec(k);
          const word = at ? (lines(listed[at[1] as keyof typeof listed])[Number(at[2])] ?? "") : "";
          return at ? [at[1], `“${word.length > 24 ? `${word.slice(0, 24)}…` : word}”: ${m}`] : [k, m];
        }),
      ),
    );
  }
  refresh();
  return { ok: true, message: "The rules are saved. They apply to new comments and notes." };
});
