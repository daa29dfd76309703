import { publication } from "@/lib/site";

/** One message as the templates build it: the text part, and an HTML part in the publication's style. */
export type ComposedMail = { to: string; subject: string; text: string; html: string };

export type MailContent = {
  to: string;
  subject: string;
  /** "Hello <name>," */
  greeting: string;
  /** Paragraphs of plain text; a `quote` is set off (a reply's words). */
  body: (string | { quote: string })[];
  /** The one thing to do, as a button (HTML) and a bare link (text). */
  action?: { label: string; url: string };
  /** Why this message was sent (issue 18, item 6: every mail says so). */
  reason: string;
  /** A way out (unsubscribe), shown after the reason. */
  stop?: { label: string; url: string };
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

// Inline styles only (mail clients drop <style> and external CSS); the site's serif and accent.
const serif = "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif";
const sans = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const accent = "#1e40af";

/**
 * A mail in the publication's voice (issue 18, item 6): signed and headed with the publication's
 * name (lib/site), a text part and an HTML part that say the same, and a closing line saying why
 * it was sent. Everything given is plain text; the HTML part escapes it.
 */
export function composeMail(m: MailContent): ComposedMail {
  const text = [
    m.greeting,
    "",
    ...m.body.flatMap((p) => [
      typeof p === "string"
        ? p
        : p.quote
            .split("\n")
            .map((l) => `  ${l}`)
            .join("\n"),
      "",
    ]),
    ...(m.action ? [`${m.action.label}: ${m.action.url}`, ""] : []),
    `— ${publication.name}`,
    "",
    "--",
    m.reason,
    ...(m.stop ? [`${m.stop.label}: ${m.stop.url}`] : []),
    "",
  ].join("\n");

  const paragraph = (p: string | { quote: string }) =>
    typeof p === "string"
      ? `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`
      : `<blockquote style="margin:0 0 16px;padding:4px 0 4px 16px;border-left:3px solid #d4d4d8;color:#3f3f46;font-style:italic">${escapeHtml(p.quote).replace(/\n/g, "<br>")}</blockquote>`;
  const html = `<!doctype html>
<html lang="${publication.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(m.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:28px 28px 20px;font-family:${serif};font-size:17px;line-height:1.6;color:#18181b">
<p style="margin:0 0 4px;font-family:${sans};font-size:13px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:${accent}">${escapeHtml(publication.name)}</p>
<p style="margin:0 0 20px;font-family:${sans};font-size:12px;color:#71717a">${escapeHtml(publication.tagline)}</p>
<p style="margin:0 0 16px">${escapeHtml(m.greeting)}</p>
${m.body.map(paragraph).join("\n")}
${
  m.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(m.action.url)}" style="display:inline-block;background:${accent};color:#ffffff;text-decoration:none;font-family:${sans};font-size:15px;font-weight:600;padding:10px 18px;border-radius:6px">${escapeHtml(m.action.label)}</a></p>
<p style="margin:0 0 16px;font-family:${sans};font-size:12px;color:#71717a">Or open this link: <a href="${escapeHtml(m.action.url)}" style="color:${accent};word-break:break-all">${escapeHtml(m.action.url)}</a></p>`
    : ""
}
<p style="margin:16px 0 0">— ${escapeHtml(publication.name)}</p>
</div>
<p style="margin:16px 8px 0;font-family:${sans};font-size:12px;line-height:1.5;color:#71717a">${escapeHtml(m.reason)}${m.stop ? ` <a href="${escapeHtml(m.stop.url)}" style="color:#52525b">${escapeHtml(m.stop.label)}</a>.` : ""}</p>
</div>
</body></html>
`;
  return { to: m.to, subject: m.subject, text, html };
}
