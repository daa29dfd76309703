import type { Metadata } from "next";
import Link from "next/link";
import {
  AvatarForm,
  BioForm,
  CreateTokenForm,
  DeleteAccountForm,
  EmailForm,
  NameForm,
  PasswordForm,
} from "@/components/account/account-forms";
import { ResendConfirmationForm } from "@/components/account/email-confirmation-forms";
import { Avatar } from "@/components/ui/avatar";
import { SubmitButton } from "@/components/ui/submit-button";
import { revokeTokenAction, signOutEverywhereAction } from "@/lib/actions/account/manage-account";
import { replyMailAction } from "@/lib/actions/account/reply-mail";
import { requirePage } from "@/lib/auth/require-page";
import { formatUtc, formatUtcDay } from "@/lib/dates/format-utc";
import { db } from "@/lib/db";
import { getMailPreferences } from "@/lib/notifications/reply-mail-preference";
import { listApiTokens, scopesForRole } from "@/lib/users/api-tokens";
import { pendingEmailChange } from "@/lib/users/change-email";

export const metadata: Metadata = { title: "Your account" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="border-t border-zinc-200 py-8 dark:border-zinc-800">
      <h2 id={`${id}-title`} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const saved = (await searchParams).saved;
  const viewer = await requirePage("account.manage", "/account");
  const [user, tokens, sessions, prefs, pendingEmail] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: {
        name: true,
        email: true,
        role: true,
        image: true,
        passwordHash: true,
        createdAt: true,
        notifyReplies: true,
        bio: true,
        emailConfirmed: true,
      },
    }),
    listApiTokens(viewer),
    db.session.count({ where: { userId: viewer.id } }),
    getMailPreferences(viewer),
    pendingEmailChange(viewer),
  ]);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <div className="mb-8 flex items-center gap-4">
        <Avatar name={user.name} image={user.image} size={56} />
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {user.email} · {user.role} · member since {formatUtcDay(user.createdAt)}
          </p>
          <p className="text-sm">
            <Link href="/notes" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
              My notes
            </Link>
            <span className="text-zinc-600 dark:text-zinc-400">
              : everything you have annotated, to search and download
            </span>
          </p>
          <p className="text-sm">
            <Link href="/groups" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
              Groups
            </Link>
            <span className="text-zinc-600 dark:text-zinc-400">: the reading groups you annotate with</span>
          </p>
        </div>
      </div>
      {user.emailConfirmed ? null : (
        <div className="mb-8">
          <ResendConfirmationForm email={user.email} />
        </div>
      )}
      <Section id="profile" title="Profile">
        <NameForm name={user.name} />
        <div className="mt-6">
          <BioForm bio={user.bio} profilePath={`/users/${viewer.id}`} />
        </div>
      </Section>
      <Section id="picture" title="Picture">
        <AvatarForm hasAvatar={!!user.image} />
      </Section>
      <Section id="email" title="E-mail address">
        <EmailForm email={user.email} pending={pendingEmail} needsPassword={!!user.passwordHash} />
      </Section>
      {user.passwordHash ? (
        <Section id="password" title="Password">
          <PasswordForm />
        </Section>
      ) : null}
      <Section id="notifications" title="E-mail and notifications">
        <form action={replyMailAction} className="space-y-3">
          <fieldset className="space-y-3">
            <legend className="sr-only">Mail preferences</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="notify" defaultChecked={user.notifyReplies} className="mt-0.5 size-4" />
              <span>E-mail me when someone replies to my comments or notes (one message per reply).</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="notifyFollowed"
                defaultChecked={prefs.notifyFollowed}
                className="mt-0.5 size-4"
              />
              <span>
                E-mail me about new comments in discussions I follow (at most one message an hour per article).
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="autoFollow" defaultChecked={prefs.autoFollow} className="mt-0.5 size-4" />
              <span>Follow a discussion automatically when I comment or add a note in it.</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="newArticles"
                defaultChecked={prefs.newArticles !== "off"}
                className="mt-0.5 size-4"
              />
              <span>
                E-mail me each new article
                {prefs.newArticles === "waiting" ? " (waiting for you to confirm: see the mail we sent)" : ""}.
              </span>
            </label>
          </fieldset>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Notifications in the app (the bell in the header,{" "}
            <Link href="/notifications" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
              your notifications
            </Link>
            ) are always kept: apart from following automatically, these settings are only about e-mail.
          </p>
          <SubmitButton variant="secondary">Save e-mail settings</SubmitButton>
          {saved === "notifications" ? (
            <p role="status" className="text-sm text-green-800 dark:text-green-400">
              Saved.
            </p>
          ) : null}
          {saved === "confirm-articles" ? (
            <p role="status" className="text-sm text-green-800 dark:text-green-400">
              Saved. To start new articles by e-mail, open the link in the confirmation mail we sent to {user.email}.
            </p>
          ) : null}
        </form>
      </Section>
      <Section id="tokens" title="Personal access tokens">
        <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">
          Tokens let scripts use the Gloss API (<code>/api/…</code> only) as you, within the scopes you give them: send{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>. Each is shown once; revoke any you no longer use. Resetting
          your password revokes them all.
        </p>
        {tokens.length ? (
          <ul
            className="mb-6 divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
            aria-label="Your tokens"
          >
            {tokens.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-3 p-3 text-sm">
                <div>
                  <p className="font-medium">{t.name}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    <code>{t.prefix}…</code> · created {formatUtc(t.createdAt)} ·{" "}
                    {t.lastUsedAt ? `last used ${formatUtc(t.lastUsedAt)}` : "never used"} ·{" "}
                    {t.expiresAt
                      ? `${t.expiresAt <= new Date() ? "expired" : "expires"} ${formatUtc(t.expiresAt)}`
                      : "no expiry"}
                  </p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">Scopes: {t.scopes.join(", ") || "none"}</p>
                </div>
                <form action={revokeTokenAction}>
                  <input type="hidden" name="id" value={t.id} />
                  <SubmitButton variant="secondary" aria-label={`Revoke token ${t.name}`}>
                    Revoke
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">You have no tokens.</p>
        )}
        <CreateTokenForm scopes={scopesForRole(user.role)} />
      </Section>
      <Section id="sessions" title="Sessions">
        <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">
          You are signed in on {sessions} {sessions === 1 ? "device" : "devices"}.
        </p>
        <form action={signOutEverywhereAction}>
          <SubmitButton variant="secondary">Sign out everywhere</SubmitButton>
        </form>
      </Section>
      <Section id="delete" title="Delete account">
        <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">
          Your comments and notes stay, shown as written by “deleted user”. Your name, email, picture, tokens and
          sessions are removed. This cannot be undone.
        </p>
        <DeleteAccountForm needsPassword={!!user.passwordHash} />
      </Section>
    </div>
  );
}
