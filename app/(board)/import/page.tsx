import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";
import { requirePage } from "@/lib/auth/require-page";
import { maxUploadBytes } from "@/lib/import/save-upload";

export const metadata: Metadata = { title: "Import from WordPress", robots: { index: false } };

// Admins bring a WordPress site's posts and discussions over. Signed-out visitors go to sign in
// (and come back); the signed-in below admin get a 403 (app/forbidden.tsx), like the board's pages.
export default async function ImportPage() {
  await requirePage("imports.run", "/import");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Import from WordPress</h1>
      <div className="mt-3 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          In WordPress, use <strong>Tools → Export → All content</strong> and upload the file here (WXR 1.1 or 1.2, at
          most {maxUploadBytes / 1024 / 1024} MB).
        </p>
        <p>
          Published posts become published articles and drafts stay drafts, with their categories, tags and threaded
          comments; pages, attachments, spam, pingbacks and trackbacks are skipped. Importing the same file again
          changes nothing; a newer export updates what changed, except what was edited or moderated here since.
        </p>
        <p>
          From a shell: <code>npm run gloss -- import:wxr FILE</code>.
        </p>
      </div>
      <ImportForm maxBytes={maxUploadBytes} />
    </div>
  );
}
