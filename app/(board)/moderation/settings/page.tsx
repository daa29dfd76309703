import type { Metadata } from "next";
import { BoardShell } from "@/components/moderation/board-shell";
import { CreditLineForm } from "@/components/moderation/credit-line-form";
import { SettingsForm } from "@/components/moderation/settings-form";
import { requirePage } from "@/lib/auth/require-page";
import { getSettings } from "@/lib/settings/get-settings";

export const metadata: Metadata = { title: "Moderation rules", robots: { index: false } };

// The moderation rules, for editors and admins.
export default async function ModerationSettingsPage() {
  const viewer = await requirePage("settings.manage", "/moderation/settings");
  const s = await getSettings();
  return (
    <BoardShell
      title="Moderation rules"
      current="/moderation/settings"
      role={viewer.role}
      intro="Changes apply to new comments and notes only; moderators and editors are never held."
    >
      <SettingsForm
        current={{
          holdFirstContribution: s.holdFirstContribution,
          linkHoldThreshold: s.linkHoldThreshold,
          moderationWords: s.moderationWords,
          disallowedWords: s.disallowedWords,
          holdAll: s.holdAll,
          closeAfterDays: s.closeAfterDays,
          reportThreshold: s.reportThreshold,
        }}
      />
      <CreditLineForm current={s.creditLine} />
    </BoardShell>
  );
}
