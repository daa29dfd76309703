// The message of a form action, announced to screen readers when it changes.
export function FormStatus({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  return (
    <p
      aria-live="polite"
      role="status"
      className={`text-sm ${tone === "error" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-400"}`}
    >
      {message ?? ""}
    </p>
  );
}
