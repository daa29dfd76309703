import { describe, expect, it } from "vitest";
import { publication } from "@/lib/site";
import { moderatorAlertMail, passwordResetMail, replyMail } from "./messages";

// Issue 18, item 6: every mail speaks as the publication, has an HTML part beside the text part,
// and says why it was sent.
const to = { email: "ann@example.org", name: "Ann <Admin>" };
const all = {
  reset: passwordResetMail(to, "https://blog.example/reset-password?token=abc"),
  moderation: moderatorAlertMail(to, "https://blog.example/moderation"),
  reply: replyMail({
    to,
    who: "Rui",
    what: "comment",
    articleTitle: "On <b>navigation</b>",
    excerpt: "I <script>alert(1)</script> disagree & say so.",
    link: "https://blog.example/articles/x/comments/1",
    unsubscribe: "https://blog.example/account/reply-mail?u=1&t=2",
  }),
};

describe("mail messages", () => {
  it("name the publication, never the software", () => {
    expect(all.reset.subject).toBe(`Reset your ${publication.name} password`);
    expect(all.moderation.subject).toBe(`Something waits in the ${publication.name} moderation queue`);
    for (const [kind, m] of Object.entries(all)) {
      expect(`${m.subject}\n${m.text}\n${m.html}`, kind).not.toMatch(/\bGloss\b/);
      expect(m.text, kind).toContain(`— ${publication.name}`);
      expect(m.html, kind).toContain(publication.name);
    }
  });

  it("say why they were sent, in both parts", () => {
    expect(all.reset.text).toContain("You got this message because a password reset was asked for your");
    expect(all.moderation.text).toContain(`You got this message because you moderate ${publication.name}`);
    expect(all.reply.text).toContain("You got this message because you wrote the comment");
    for (const m of Object.values(all)) {
      const reason = m.text.split("\n--\n")[1].split("\n")[0];
      expect(reason).toMatch(/^You got this message because /);
      expect(m.html).toContain(
        reason
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;")
          .replace(/"/g, "&quot;")
          .replace(/'/g, "&#39;"),
      );
    }
  });

  it("carry the same link in the text and as a button in the HTML", () => {
    expect(all.reset.text).toContain("Choose a new password: https://blog.example/reset-password?token=abc");
    expect(all.reset.html).toContain('<a href="https://blog.example/reset-password?token=abc"');
    expect(all.reply.text).toContain("Stop these messages: https://blog.example/account/reply-mail?u=1&t=2");
    expect(all.reply.html).toContain('href="https://blog.example/account/reply-mail?u=1&amp;t=2"');
    expect(all.reply.html).toMatch(/^<!doctype html>/);
  });

  it("escape what people wrote in the HTML part", () => {
    expect(all.reply.html).not.toContain("<script>");
    expect(all.reply.html).toContain("I &lt;script&gt;alert(1)&lt;/script&gt; disagree &amp; say so.");
    expect(all.reply.html).toContain("Hello Ann &lt;Admin&gt;,");
    expect(all.reply.html).not.toContain("<b>navigation</b>");
    expect(all.reply.text).toContain("  I <script>alert(1)</script> disagree & say so.");
  });
});
