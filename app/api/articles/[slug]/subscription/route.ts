import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { getFollowing, setFollowing } from "@/lib/notifications/follow-article";

// Following an article's discussion (CONTRACT: "Notifications and following").
type Ctx = { params: Promise<{ slug: string }> };

export const GET = apiRoute(async (request: Request, { params }: Ctx) =>
  json(await getFollowing(await getViewer(request.headers), (await params).slug), {
    headers: { "Cache-Control": "private, no-store" },
  }),
);

export const PUT = apiRoute(async (request: Request, { params }: Ctx) =>
  json(await setFollowing(await getViewer(request.headers), (await params).slug, true)),
);

export const DELETE = apiRoute(async (request: Request, { params }: Ctx) =>
  json(await setFollowing(await getViewer(request.headers), (await params).slug, false)),
);
