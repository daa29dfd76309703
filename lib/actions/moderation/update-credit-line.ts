"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { updateCreditLine } from "@/lib/settings/update-credit-line";

export const updateCreditLineAction = formAction(z.object({ creditLine: formText() }), async (values, { viewer }) => {
  await updateCreditLine(viewer, values);
  refresh();
  return {
    ok: true,
    message: values.creditLine.trim()
      ? "Saved: approved articles without a credit line of their own get this one."
      : "Saved: approved articles get no credit line.",
  };
});
