import { isAppError } from "@/lib/errors";
import { apiRoute, bodyLimits, json, readBodyText, seeOther } from "@/lib/http/api";
import { stopMail } from "@/lib/notifications/mail-links";

// The signed way out of a mail: `List-Unsubscribe` points here (RFC 8058 one-click POST, no session
// and no Origin — the link's signature is the authority), and the stop page's button posts here.
export const POST = apiRoute(
  async (request: Request) => {
    const url = new URL(request.url);
    const body = new URLSearchParams(await readBodyText(request, bodyLimits.small));
    const k = url.searchParams.get("k") ?? body.get("k"),
      i = url.searchParams.get("i") ?? body.get("i"),
      t = url.searchParams.get("t") ?? body.get("t");
    const fromPage = body.get("from") === "page";
    try {
      await stopMail(k, i, t);
    } catch (e) {
      if (fromPage && isAppError(e)) return seeOther(`/unsubscribe?error=${encodeURIComponent(e.message)}`);
      throw e;
    }
    return fromPage ? seeOther(`/unsubscribe?done=${encodeURIComponent(k ?? "")}`) : json({ unsubscribed: true });
  },
  { anyOrigin: true },
);
