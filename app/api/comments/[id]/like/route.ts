import { getViewer } from "@/lib/auth/get-viewer";
import { setCommentLike } from "@/lib/comments/like-comment";
import { apiRoute, json } from "@/lib/http/api";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = apiRoute(async (request: Request, { params }: Ctx) =>
  json(await setCommentLike(await getViewer(request.headers), (await params).id, true)),
);

export const DELETE = apiRoute(async (request: Request, { params }: Ctx) =>
  json(await setCommentLike(await getViewer(request.headers), (await params).id, false)),
);
