import { Writable } from "node:stream";
import { createElement, type ReactElement } from "react";
import type { ThreadContext, ThreadPart } from "@/lib/comments/discussion-view";
import { ThreadFragments } from "./thread-fragments";

// Next's own server renderer, the one its page renders use: it shares their copy of React (a plain
// "react-dom/server" would bring a second one, whose hooks find no renderer). Next stubs its
// renderToString, so this streams, into memory.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- its type file is empty: typed as the package it is
const { renderToPipeableStream } = require("next/dist/server/route-modules/app-page/vendored/ssr/react-dom-server") as {
  renderToPipeableStream: typeof import("react-dom/server").renderToPipeableStream;
};

function renderToHtml(element: ReactElement, identifierPrefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        done();
      },
    });
    sink.on("finish", () => resolve(Buffer.concat(chunks).toString("utf8")));
    const stream = renderToPipeableStream(element, {
      identifierPrefix,
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    });
  });
}

/**
 * The HTML of threads of a shared page, rendered in this process's server React (the one Next
 * renders pages with) without a page request: what scripts/server.mjs fills a page's shell with
 * when a comment changes a thread (issue 21). The markup is ThreadFragments' own, the same as a
 * thread render through the page (app/(reader)/articles/[slug]/page.tsx), which stays the way
 * until this is registered. Ids are prefixed with the render's mark: two threads rendered apart
 * never share one.
 */
export function renderThreadFragments(mark: string, parts: ThreadPart[], context: ThreadContext): Promise<string> {
  return renderToHtml(createElement(ThreadFragments, { mark, parts, ...context }), `t${mark}-`);
}

/** Offers it to scripts/server.mjs (the first server render of a page with threads loads this module). */
export function registerThreadRenderer() {
  (globalThis as { glossThreadRenderer?: typeof renderThreadFragments }).glossThreadRenderer = renderThreadFragments;
}
