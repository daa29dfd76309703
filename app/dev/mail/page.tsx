import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/require-page";
import { env } from "@/lib/env";
import { listOutbox } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };

const linkify = (text: string) =>
  text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="text-accent-700 underline dark:text-accent-300">
        {part}
      </a>
    ) : (
      part
    ),
  );

// Mail that would have been sent, when no SMTP_URL is configured. Admins only; absent in production mode.
export default async function DevMailPage() {
  if (env().GLOSS_MODE === "production" || env().SMTP_URL) notFound();
  await requirePage("outbox.read", "/dev/mail", { hidden: true });
  const mails = await listOutbox();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Development outbox</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        SMTP_URL is not set, so mail is kept here instead of being sent. Newest first.
      </p>
      {mails.length === 0 ? (
        <p className="mt-6">No mail yet.</p>
      ) : (
        <ol className="mt-6 space-y-6" aria-label="Messages">
          {mails.map((m) => (
            <li key={m.id} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
              <article aria-label={m.subject}>
                <h2 className="font-semibold">{m.subject}</h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  To {m.to} · {new Date(m.date).toUTCString()}
                </p>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{linkify(m.text)}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
