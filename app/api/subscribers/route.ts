import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { apiRoute, json, readFormOrJson, seeOther } from "@/lib/http/api";
import { clientIp } from "@/lib/http/client-ip";
import { subscriberCounts } from "@/lib/subscribers/announce-article";
import { requestSubscription } from "@/lib/subscribers/subscribe";

// New articles by e-mail. POST {email} → 202 whatever the address; a plain form (no JavaScript)
// gets a 303 to the page that says to check the inbox (or names what was wrong).
export const POST = apiRoute(async (request: Request) => {
  const { fields, form } = await readFormOrJson(request);
  try {
    await requestSubscription(fields, clientIp(request.headers));
  } catch (e) {
    if (form && isAppError(e)) return seeOther(`/subscribe?error=${encodeURIComponent(e.message)}`);
    throw e;
  }
  return form
    ? seeOther("/subscribe?sent=1")
    : json(
        { status: "accepted", message: "If the address can receive mail, a confirmation link is on its way." },
        { status: 202 },
      );
});

// Admins: how many subscribers there are.
export const GET = apiRoute(async (request: Request) => json(await subscriberCounts(await getViewer(request.headers))));
