"use client";
import { type FormEvent, useState } from "react";

// "New articles by e-mail": a plain form that posts to /api/subscribers and works without
// JavaScript (the answer is a page saying to check the inbox); with JavaScript it stays in place.
export function SubscribeForm({ id, compact = false }: { id: string; compact?: boolean }) {
  const [state, setState] = useState<{ busy: boolean; message: string; error: boolean }>({
    busy: false,
    message: "",
    error: false,
  });
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "");
    setState({ busy: true, message: "", error: false });
    try {
      const response = await fetch("/api/subscribers", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email }),
      });
      const data = await response.json().catch(() => ({}));
      if (response.status === 202) {
        form.reset();
        setState({ busy: false, message: "Check your inbox: a link to confirm is on its way.", error: false });
      } else
        setState({
          busy: false,
          message: data?.error?.fields?.email ?? data?.error?.message ?? "That did not work. Please try again.",
          error: true,
        });
    } catch {
      setState({ busy: false, message: "That did not work. Please try again.", error: true });
    }
  }
  return (
    <form
      action="/api/subscribers"
      method="post"
      onSubmit={submit}
      className={compact ? "flex flex-wrap items-end gap-2" : "mt-3 flex flex-wrap items-end gap-2"}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Your e-mail address
        </label>
        <input
          id={id}
          name="email"
          type="email"
          required
          autoComplete="email"
          maxLength={254}
          aria-invalid={state.error || undefined}
          aria-describedby={`${id}-status`}
          className="w-64 max-w-full rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        />
      </div>
      <button
        type="submit"
        disabled={state.busy}
        className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        Subscribe
      </button>
      <p
        id={`${id}-status`}
        role="status"
        className={`basis-full text-sm ${state.error ? "text-red-700 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300"}`}
      >
        {state.message}
      </p>
    </form>
  );
}
