import { getViewer } from "@/lib/auth/get-viewer";
import { seeOther } from "@/lib/http/api";
import { signInHref } from "@/lib/http/sign-in-href";
import { openNotification } from "@/lib/notifications/list-notifications";

// A line on /notifications: marks it (and the rest of its group, `also`) read and goes to the item.
// Only the viewer's own notifications; anything else goes back to the list.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer(request.headers);
  if (!viewer) return seeOther(signInHref("/notifications"));
  const also = (new URL(request.url).searchParams.get("also") ?? "").split(",").filter(Boolean).slice(0, 100);
  const url = await openNotification(viewer, (await params).id, also);
  return seeOther(url ?? "/notifications");
}
