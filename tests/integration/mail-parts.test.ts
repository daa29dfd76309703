import { describe, expect, it } from "vitest";
import { runJobsUntilIdle } from "@/lib/jobs/run-due-jobs";
import { mailSettled } from "@/lib/mail/deliver-later";
import { listOutbox } from "@/lib/mail/send-mail";
import { notifyModerators } from "@/lib/moderation/notify-moderators";
import { publication } from "@/lib/site";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { withSettings } from "../seed/settings";
import { createTestUser } from "../seed/users";

// Issue 18, item 6: what leaves the server — from the publication, a text and an HTML part, a reason.
const newestTo = async (email: string) => (await listOutbox(500)).find((m) => m.to === email);

describe("mail as sent", () => {
  it("a password reset comes from the publication with a text and an HTML part", async () => {
    const { viewer } = await createTestUser({ label: "mail-parts" });
    await requestPasswordReset(viewer.email);
    await mailSettled(); // the reset mail leaves after the answer (security finding 9)
    const mail = await newestTo(viewer.email);
    expect(mail).toMatchObject({ subject: `Reset your ${publication.name} password` });
    expect(mail!.from).toMatch(new RegExp(`^${publication.name} <no-reply@`));
    expect(mail!.text).toMatch(/\/reset-password\?token=\S+/);
    expect(mail!.html).toMatch(/<a href="[^"]+\/reset-password\?token=/);
    expect(mail!.html).toContain("You got this message because");
  });

  it("a moderator alert says why it came", async () => {
    const { viewer } = await createTestUser({ label: "mail-moderator", role: "moderator" });
    await withSettings({ notifyIntervalMs: 0 }, () => notifyModerators());
    await runJobsUntilIdle(); // the alert is queued: the worker sends it
    const mail = await newestTo(viewer.email);
    expect(mail?.subject).toBe(`Something waits in the ${publication.name} moderation queue`);
    expect(mail!.text).toContain(`You got this message because you moderate ${publication.name}`);
    expect(mail!.html).toContain("Open the moderation queue");
  });
});
