import { publication } from "@/lib/site";
import { type ComposedMail, composeMail } from "./compose-mail";

// The messages Gloss sends, each in the publication's name with its reason (issue 18, item 6).
// Builders only: how a message travels (SMTP, the outbox, a queue) is lib/mail/send-mail's business.

export function passwordResetMail(to: { email: string; name: string }, link: string): ComposedMail {
  return composeMail({
    to: to.email,
    subject: `Reset your ${publication.name} password`,
    greeting: `Hello ${to.name},`,
    body: [
      "Someone (hopefully you) asked to reset the password of your account.",
      "Open the link within an hour to choose a new one. It works once.",
    ],
    action: { label: "Choose a new password", url: link },
    reason: `You got this message because a password reset was asked for your ${publication.name} account (${to.email}). If you did not ask, ignore it: your password stays as it is.`,
  });
}

export function moderatorAlertMail(to: { email: string; name: string }, link: string): ComposedMail {
  return composeMail({
    to: to.email,
    subject: `Something waits in the ${publication.name} moderation queue`,
    greeting: `Hello ${to.name},`,
    body: ["A new comment or note is held for review."],
    action: { label: "Open the moderation queue", url: link },
    reason: `You got this message because you moderate ${publication.name}. You get at most one of these an hour.`,
  });
}

export function replyMail(input: {
  to: { email: string; name: string };
  who: string;
  what: "comment" | "note";
  articleTitle: string;
  excerpt: string;
  link: string;
  unsubscribe: string;
}): ComposedMail {
  const { to, who, what, articleTitle } = input;
  return composeMail({
    to: to.email,
    subject: `${who} replied to your ${what} on “${articleTitle}”`,
    greeting: `Hello ${to.name},`,
    body: [`${who} replied to your ${what} on “${articleTitle}”:`, { quote: input.excerpt }],
    action: { label: "Read it and answer", url: input.link },
    reason: `You got this message because you wrote the ${what} on ${publication.name} that was replied to, and reply mail is on in your account. You get one message per reply.`,
    stop: { label: "Stop these messages", url: input.unsubscribe },
  });
}

export function reviewDecisionMail(input: {
  to: { email: string; name: string };
  who: string;
  decision: "approve" | "changes";
  articleTitle: string;
  message: string;
  published: "now" | Date | null;
  link: string;
}): ComposedMail {
  const { to, who, articleTitle } = input;
  const approved = input.decision === "approve";
  const when =
    input.published === "now"
      ? "It is published now."
      : input.published
        ? `It will be published on ${input.published.toISOString().slice(0, 16).replace("T", " ")} UTC.`
        : "";
  return composeMail({
    to: to.email,
    subject: approved ? `“${articleTitle}” was approved` : `Changes requested on “${articleTitle}”`,
    greeting: `Hello ${to.name},`,
    body: [
      approved
        ? `${who} approved your article “${articleTitle}”. ${when}`.trim()
        : `${who} asked for changes to your article “${articleTitle}”. It is back in your drafts: the review notes are beside the passages they refer to.`,
      ...(input.message ? [{ quote: input.message }] : []),
    ],
    action: { label: approved ? "Open the article" : "Open your draft and its review notes", url: input.link },
    reason: `You got this message because you submitted this article to ${publication.name} for review.`,
  });
}

export function followDigestMail(input: {
  to: { email: string; name: string };
  articleTitle: string;
  items: { who: string; excerpt: string; link: string }[];
  articleLink: string;
  stop: string;
}): ComposedMail {
  const { to, articleTitle, items } = input;
  const n = items.length;
  return composeMail({
    to: to.email,
    subject: n === 1 ? `A new comment on “${articleTitle}”` : `${n} new comments on “${articleTitle}”`,
    greeting: `Hello ${to.name},`,
    body: [
      n === 1
        ? `There is a new comment in the discussion of “${articleTitle}”:`
        : `There are ${n} new comments in the discussion of “${articleTitle}”:`,
      ...items.slice(0, 20).flatMap((i) => [`${i.who} wrote (${i.link}):`, { quote: i.excerpt }]),
      ...(n > 20 ? [`… and ${n - 20} more.`] : []),
    ],
    action: { label: "Read the discussion", url: input.articleLink },
    reason: `You got this message because you follow the discussion of “${articleTitle}” on ${publication.name}. You get at most one of these an hour per article. To stop following, press “Following” on the article; to stop these e-mails altogether, use the link.`,
    stop: { label: "Stop e-mails about discussions I follow", url: input.stop },
  });
}

export function subscribeConfirmMail(input: { to: string; link: string }): ComposedMail {
  return composeMail({
    to: input.to,
    subject: `Confirm: new articles from ${publication.name} by e-mail`,
    greeting: "Hello,",
    body: [
      `Someone (hopefully you) asked to receive each new article of ${publication.name} at this address.`,
      "Open the link within 48 hours and press the button to start. The link works once.",
    ],
    action: { label: "Yes, send me new articles", url: input.link },
    reason: `You got this message because this address was entered in the Subscribe form of ${publication.name}. If that was not you, ignore it: nothing more will be sent.`,
  });
}

export function newArticleMail(input: {
  to: string;
  title: string;
  byline: string;
  excerpt: string;
  link: string;
  stop: string;
  headers: Record<string, string>;
}): ComposedMail & { headers: Record<string, string> } {
  return {
    ...composeMail({
      to: input.to,
      subject: input.title,
      greeting: "Hello,",
      body: [
        `A new article on ${publication.name}: “${input.title}”, ${input.byline}.`,
        ...(input.excerpt ? [{ quote: input.excerpt }] : []),
      ],
      action: { label: "Read the article", url: input.link },
      reason: `You got this message because you subscribed to new articles from ${publication.name} and confirmed it. You get one message per new article.`,
      stop: { label: "Unsubscribe", url: input.stop },
    }),
    headers: input.headers,
  };
}
