import { getArticlePersonalRoute } from "@/lib/personal/article-personal-route";

// The personal layer of an article page (lib/personal/article-personal-route.ts; scripts/server.mjs
// answers the same handler without Next's router).
export const GET = getArticlePersonalRoute;
