"use client";

export default function GlobalError() {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: "36rem",
          margin: "5rem auto",
          padding: "0 1rem",
          textAlign: "center",
        }}
      >
        <h1>Something went wrong</h1>
        <p>We could not show this page. Please try again in a moment.</p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed, so a full page load is wanted */}
          <a href="/">Latest articles</a>
        </p>
      </body>
    </html>
  );
}
