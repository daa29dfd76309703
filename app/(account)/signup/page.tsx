import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { OAuthButtons } from "@/components/account/oauth-buttons";
import { SignUpForm } from "@/components/account/sign-up-form";
import { safeReturnPath } from "@/lib/http/form-state";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  return (
    <AuthCard title="Create an account">
      <p className="mb-6 text-sm text-zinc-700 dark:text-zinc-300">
        With an account you can comment on articles and write notes in their margins.
      </p>
      <SignUpForm returnTo={returnTo} />
      <OAuthButtons returnTo={returnTo} />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
