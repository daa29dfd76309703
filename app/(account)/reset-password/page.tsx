import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { ResetPasswordForm } from "@/components/account/forgot-password-form";
import { checkResetLink, type ResetLinkState } from "@/lib/users/password-reset";

export const metadata: Metadata = { title: "Choose a new password" };

const refusals: Record<Exclude<ResetLinkState, "valid">, { title: string; text: string }> = {
  used: {
    title: "This reset link was already used",
    text: "Each link works once, and this one has set a password already. If that was you, sign in with it; if not, ask for a new link.",
  },
  expired: {
    title: "This reset link has expired",
    text: "A link works for an hour after it is sent. Ask for a new one.",
  },
  unknown: {
    title: "This reset link is not valid",
    text: "It may be incomplete (check that the whole link was opened) or come from an older message. Ask for a new one.",
  },
};

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const state = token ? await checkResetLink(token) : null;
  if (state && state !== "valid") {
    const { title, text } = refusals[state];
    return (
      <AuthCard title={title}>
        <p role="status">{text}</p>
        <p className="mt-6 text-sm">
          <Link href="/forgot-password" className="font-medium text-accent-700 underline dark:text-accent-300">
            Ask for a new link
          </Link>
          {" · "}
          <Link href="/signin" className="font-medium text-accent-700 underline dark:text-accent-300">
            Sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p>
          This page needs the link from the reset e-mail.{" "}
          <Link href="/forgot-password" className="text-accent-700 underline dark:text-accent-300">
            Ask for a new link
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
