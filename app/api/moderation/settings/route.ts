import { getViewer } from "@/lib/auth/get-viewer";
import { requirePermission } from "@/lib/auth/require-permission";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";
import { updateModerationSettings } from "@/lib/moderation/update-moderation-settings";
import { getSettings } from "@/lib/settings/get-settings";

export const GET = apiRoute(async (request: Request) => {
  await requirePermission(await getViewer(request.headers), "settings.manage");
  const s = await getSettings();
  return json({
    holdFirstContribution: s.holdFirstContribution,
    linkHoldThreshold: s.linkHoldThreshold,
    moderationWords: s.moderationWords,
    disallowedWords: s.disallowedWords,
    holdAll: s.holdAll,
    closeAfterDays: s.closeAfterDays,
    reportThreshold: s.reportThreshold,
  });
});

export const PUT = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  return json(await updateModerationSettings(viewer, await readJson(request, bodyLimits.moderation, viewer)));
});
