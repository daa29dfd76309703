import type { Metadata } from "next";
import { AuthCard } from "@/components/account/auth-card";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password">
      <p className="mb-6 text-sm text-zinc-700 dark:text-zinc-300">
        Enter the email address of your account. We will send it a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
