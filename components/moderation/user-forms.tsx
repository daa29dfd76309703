"use client";
import { useActionState, useId } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { banAction, unbanAction } from "@/lib/actions/moderation/ban-user";
import { changeRoleAction } from "@/lib/actions/moderation/change-user-role";

/** A label above its control (not wrapping it, so a select's name is its label alone). */
function Labelled({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <label htmlFor={id} className="block">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

const control =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900";

// Ban (1 day, 7 days, 30 days or for good) with the reason the person will see.
export function BanForm({ email, name }: { email: string; name: string }) {
  const [state, action] = useActionState(banAction, {});
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Ban ${name}`}>
      <input type="hidden" name="email" value={email} />
      <Labelled label="Ban for">
        {(id) => (
          <select id={id} name="duration" defaultValue={state.values?.duration ?? "7d"} className={control}>
            <option value="1d">1 day</option>
            <option value="7d">7 days</option>
            <option value="30d">30 days</option>
            <option value="permanent">Permanently</option>
          </select>
        )}
      </Labelled>
      <Labelled label="Reason" className="min-w-48 flex-1">
        {(id) => (
          <input
            id={id}
            name="reason"
            maxLength={500}
            required
            defaultValue={state.values?.reason}
            aria-invalid={state.errors?.reason ? true : undefined}
            placeholder="Shown to them"
            className={control}
          />
        )}
      </Labelled>
      <SubmitButton variant="danger">Ban</SubmitButton>
      <div className="basis-full">
        <FormStatus message={state.errors?.reason ?? state.message} tone={state.ok ? "success" : "error"} />
      </div>
    </form>
  );
}

export function UnbanForm({ email, name }: { email: string; name: string }) {
  const [state, action] = useActionState(unbanAction, {});
  return (
    <form action={action} aria-label={`Unban ${name}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <SubmitButton variant="secondary">Unban</SubmitButton>
      <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}

// Admins only: the role takes effect on the person's next request.
export function RoleForm({ email, name, role }: { email: string; name: string; role: string }) {
  const [state, action] = useActionState(changeRoleAction, {});
  return (
    <form action={action} aria-label={`Role of ${name}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="email" value={email} />
      <Labelled label="Role">
        {(id) => (
          <select id={id} name="role" defaultValue={role} className={control}>
            <option value="commenter">commenter</option>
            <option value="contributor">contributor</option>
            <option value="moderator">moderator</option>
            <option value="editor">editor</option>
            <option value="admin">admin</option>
          </select>
        )}
      </Labelled>
      <SubmitButton variant="secondary">Change role</SubmitButton>
      <div className="basis-full">
        <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
      </div>
    </form>
  );
}
