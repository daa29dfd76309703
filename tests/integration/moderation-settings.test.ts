import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateModerationSettings } from "@/lib/moderation/update-moderation-settings";
import { defaultSettings, getSettings } from "@/lib/settings/get-settings";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";

const defaults = {
  holdFirstContribution: defaultSettings.holdFirstContribution,
  linkHoldThreshold: defaultSettings.linkHoldThreshold,
  moderationWords: [] as string[],
  disallowedWords: [] as string[],
  holdAll: false,
  closeAfterDays: null as number | null,
  reportThreshold: defaultSettings.reportThreshold,
};
/** Runs `fn` on the default rules and puts the stored rules back afterwards. */
const onDefaults = (fn: () => Promise<void>) => withSettings(defaults, fn);

describe("moderation settings", () => {
  it("saves the rules, tidies the word lists and logs only what changed", async () => {
    const editor = await member("editor");
    await onDefaults(async () => {
      const saved = await updateModerationSettings(editor, {
        ...defaults,
        linkHoldThreshold: 3,
        moderationWords: [" Casino ", "casino", "LOAN"],
        closeAfterDays: 90,
      });
      expect(saved).toMatchObject({ linkHoldThreshold: 3, moderationWords: ["casino", "loan"], closeAfterDays: 90 });
      expect(await getSettings()).toMatchObject({
        linkHoldThreshold: 3,
        moderationWords: ["casino", "loan"],
        closeAfterDays: 90,
        holdAll: false,
      });
      const entry = await db.auditEntry.findFirstOrThrow({
        where: { action: "settings", actorId: editor.id },
        orderBy: { createdAt: "desc" },
      });
      expect(entry).toMatchObject({
        targetType: "settings",
        before: { linkHoldThreshold: 2, moderationWords: [], closeAfterDays: null },
        after: { linkHoldThreshold: 3, moderationWords: ["casino", "loan"], closeAfterDays: 90 },
      });
      // Saving the same rules again changes nothing, so nothing is logged.
      const count = await db.auditEntry.count({ where: { action: "settings" } });
      await updateModerationSettings(editor, {
        ...defaults,
        linkHoldThreshold: 3,
        moderationWords: ["casino", "loan"],
        closeAfterDays: 90,
      });
      expect(await db.auditEntry.count({ where: { action: "settings" } })).toBe(count);
      // closeAfterDays null turns the rule off again.
      await updateModerationSettings(editor, defaults);
      expect((await getSettings()).closeAfterDays).toBeNull();
    });
  });

  it("refuses bad values with a message for each field, and stores nothing", async () => {
    const admin = await member("admin");
    await onDefaults(async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ linkHoldThreshold: -1 }, "linkHoldThreshold"],
        [{ linkHoldThreshold: 51 }, "linkHoldThreshold"],
        [{ linkHoldThreshold: 1.5 }, "linkHoldThreshold"],
        [{ linkHoldThreshold: "2" }, "linkHoldThreshold"],
        [{ reportThreshold: 0 }, "reportThreshold"],
        [{ reportThreshold: 101 }, "reportThreshold"],
        [{ closeAfterDays: 0 }, "closeAfterDays"],
        [{ closeAfterDays: 36501 }, "closeAfterDays"],
        [{ holdAll: "yes" }, "holdAll"],
        [{ moderationWords: ["w".repeat(61)] }, "moderationWords.0"],
        [{ disallowedWords: ["ok", " "] }, "disallowedWords.1"],
        [{ disallowedWords: Array.from({ length: 501 }, (_, i) => `word${i}`) }, "disallowedWords"],
        [{ moderationWords: "casino" }, "moderationWords"],
      ];
      for (const [change, field] of cases) {
        const error = await expectAppError(updateModerationSettings(admin, { ...defaults, ...change }), "bad_request");
        expect(Object.keys(error.fields ?? {}), JSON.stringify(change).slice(0, 60)).toContain(field);
      }
      const missing = await expectAppError(updateModerationSettings(admin, { linkHoldThreshold: 2 }), "bad_request");
      expect(Object.keys(missing.fields ?? {})).toEqual(
        expect.arrayContaining([
          "holdFirstContribution",
          "moderationWords",
          "disallowedWords",
          "holdAll",
          "reportThreshold",
        ]),
      );
      expect(
        (await expectAppError(updateModerationSettings(admin, { ...defaults, linkHoldThreshold: 51 }), "bad_request"))
          .fields?.linkHoldThreshold,
      ).toBe("At most 50.");
      expect(
        (
          await expectAppError(
            updateModerationSettings(admin, { ...defaults, moderationWords: ["w".repeat(61)] }),
            "bad_request",
          )
        ).fields?.["moderationWords.0"],
      ).toBe("Words are at most 60 characters.");
      expect(await getSettings()).toMatchObject(defaults);
    });
  });
});
