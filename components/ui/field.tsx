import { useId } from "react";

type Props = React.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

// A labelled input whose error is tied to it (aria-describedby + aria-invalid) and announced.
export function Field({ label, error, hint, id, className, ...input }: Props) {
  const auto = useId();
  const inputId = id ?? auto;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        {...input}
      />
      <p
        id={errorId}
        role={error ? "alert" : undefined}
        className="mt-1 min-h-0 text-sm text-red-700 dark:text-red-400"
      >
        {error ?? ""}
      </p>
    </div>
  );
}
