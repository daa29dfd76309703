import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute } from "@/lib/http/api";
import { exportSubscribersCsv } from "@/lib/subscribers/announce-article";

// Admins: the confirmed subscribers as CSV.
export const GET = apiRoute(async (request: Request) => {
  const csv = await exportSubscribersCsv(await getViewer(request.headers));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="subscribers.csv"',
      "Cache-Control": "private, no-store",
    },
  });
});
