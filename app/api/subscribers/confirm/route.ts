import { isAppError } from "@/lib/errors";
import { apiRoute, readFormOrJson, seeOther } from "@/lib/http/api";
import { confirmSubscription } from "@/lib/subscribers/subscribe";

// The button on the confirmation page (the link in the mail opens the page; only this POST confirms).
export const POST = apiRoute(async (request: Request) => {
  const { fields, form } = await readFormOrJson(request);
  try {
    await confirmSubscription(fields.token);
  } catch (e) {
    if (form && isAppError(e)) return seeOther(`/subscribe?error=${encodeURIComponent(e.message)}`);
    throw e;
  }
  return form
    ? seeOther("/subscribe?confirmed=1")
    : new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
