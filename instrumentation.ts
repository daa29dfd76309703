// Next.js calls register() once when each server process starts (`npm start`, every
// WEB_CONCURRENCY worker, `npm run dev`): that process joins the job queue (lib/jobs) — mail,
// scheduled publishing, clean-up. scripts/server.mjs's drain stops it with process.emit("gloss:shutdown").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The article page's personal request, for scripts/server.mjs to answer without Next's router
  // (lib/personal/article-personal-route.ts: the route's own handler).
  const { getArticlePersonalRoute } = await import("@/lib/personal/article-personal-route");
  // …and the shared article page's discussion as it stands (lib/comments/discussion-view.ts), from
  // which scripts/server.mjs assembles the page out of the article's shell and cached threads.
  const { discussionCount, discussionView } = await import("@/lib/comments/discussion-view");
  (globalThis as { glossFastRoutes?: Record<string, unknown> }).glossFastRoutes = {
    articlePersonal: getArticlePersonalRoute,
    discussionView,
    discussionCount,
  };
  if (process.env.GLOSS_JOBS === "off") return;
  const { startJobWorker } = await import("@/lib/jobs/start-job-worker");
  startJobWorker();
}
