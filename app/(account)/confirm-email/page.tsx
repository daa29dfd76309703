import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { ConfirmEmailForm } from "@/components/account/email-confirmation-forms";
import { type ConfirmLinkState, checkConfirmLink } from "@/lib/users/email-confirmation";

export const metadata: Metadata = { title: "Confirm your e-mail address", robots: { index: false } };

const link = "font-medium text-accent-700 underline dark:text-accent-300";

const refusals: Record<Exclude<ConfirmLinkState, "valid">, { title: string; text: string }> = {
  used: {
    title: "This confirmation link was already used",
    text: "Each link works once. If you used it, your address is confirmed: there is nothing more to do.",
  },
  expired: {
    title: "This confirmation link has expired",
    text: "A link works for two days after it is sent. Sign in and ask for a new one on your account page.",
  },
  unknown: {
    title: "This confirmation link is not valid",
    text: "It may be incomplete (check that the whole link was opened) or come from an older message. Sign in and ask for a new one on your account page.",
  },
};

// The link in the confirmation mail opens this page; its button confirms (issue 13).
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const state = token ? await checkConfirmLink(token) : "unknown";
  if (state !== "valid" || !token) {
    const { title, text } = refusals[state === "valid" ? "unknown" : state];
    return (
      <AuthCard title={title}>
        <p role="status">{text}</p>
        <p className="mt-6 text-sm">
          <Link href="/account" className={link}>
            Your account
          </Link>
          {" · "}
          <Link href="/signin" className={link}>
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirm your e-mail address">
      <ConfirmEmailForm token={token} />
    </AuthCard>
  );
}
