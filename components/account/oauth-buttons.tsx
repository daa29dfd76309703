import { signInWithProviderAction } from "@/lib/actions/account/sign-in-with-provider";
import { env } from "@/lib/env";

// Shown only for the providers whose credentials are configured.
export function OAuthButtons({ returnTo }: { returnTo: string }) {
  const e = env();
  const providers = [
    ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [{ id: "github", label: "Continue with GitHub" }] : []),
    ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [{ id: "google", label: "Continue with Google" }] : []),
  ];
  if (!providers.length) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      {providers.map((p) => (
        <form key={p.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <button
            type="submit"
            className="w-full rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {p.label}
          </button>
        </form>
      ))}
    </div>
  );
}
