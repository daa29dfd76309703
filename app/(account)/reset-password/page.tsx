import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { ResetPasswordForm } from "@/components/account/forgot-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password">
      {token ? <ResetPasswordForm token={token} /> : (
        <p>This page needs the link from the reset e-mail. <Link href="/forgot-password" className="text-accent-700 underline dark:text-accent-300">Ask for a new link</Link>.</p>
      )}
    </AuthCard>
  );
}
