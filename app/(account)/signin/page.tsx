import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { OAuthButtons } from "@/components/account/oauth-buttons";
import { SignInForm } from "@/components/account/sign-in-form";
import { safeReturnPath } from "@/lib/http/form-state";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  reset: "Your password was changed. Sign in with the new one.",
  changed: "Your password was changed and every session was signed out. Sign in again.",
  everywhere: "You were signed out on every device.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.returnTo ?? params.callbackUrl);
  const notice = Object.keys(notices).find((k) => params[k] === "1");
  return (
    <AuthCard title="Sign in">
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-200"
        >
          {notices[notice]}
        </p>
      ) : null}
      {params.error ? (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          Sign-in did not work. Please try again.
        </p>
      ) : null}
      <SignInForm returnTo={returnTo} />
      <OAuthButtons returnTo={returnTo} />
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link
          href={`/signup${returnTo !== "/" ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`}
          className="font-medium text-accent-700 hover:underline dark:text-accent-300"
        >
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
