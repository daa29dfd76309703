import { type NextRequest, NextResponse } from "next/server";
import { isSharedPage } from "@/scripts/lib/shared-pages.mjs";

const sharedPageHeader = "x-gloss-shared-page";

// Tells the root layout that this page's HTML is shared by every viewer (scripts/lib/shared-pages.mjs),
// so the header must not read the session: its account area becomes a client island. The header
// is set here only, never taken from the client.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(sharedPageHeader);
  if (isSharedPage(request.nextUrl.pathname + request.nextUrl.search)) headers.set(sharedPageHeader, "1");
  return NextResponse.next({ request: { headers } });
}

// Every page (so a client cannot set the header itself anywhere); not static files or the API.
export const config = { matcher: ["/((?!_next/|api/|favicon|icon).*)"] };
