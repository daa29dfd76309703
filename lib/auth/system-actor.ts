// Whoever acts from the shell (`npm run gloss`): no account and no session. Domain functions that
// accept it still apply their rules (the last admin stays, …) and audit the change with no actor,
// which the audit log shows as "System".
export const systemActor = Object.freeze({ system: true as const });
export type SystemActor = typeof systemActor;

export const isSystemActor = (actor: unknown): actor is SystemActor => actor === systemActor;
