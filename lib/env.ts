import { z } from "zod";

// The environment Gloss reads, validated once. scripts/run.mjs fills DATABASE_URL, AUTH_SECRET and
// AUTH_URL for the embedded setup before anything reads this.
const optionalString = z.string().trim().min(1).optional().catch(undefined);

export const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// URL"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  AUTH_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  ADMIN_EMAIL: z.email("must be an e-mail address").optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  GLOSS_MODE: z.enum(["development", "production"]).default("development"),
  GLOSS_DATA_DIR: z.string().min(1).default(".data"),
  WEB_CONCURRENCY: z.coerce.number().int().min(1, "must be at least 1").max(64, "must be at most 64").default(1),
  TRUST_PROXY: z.coerce.number().int().min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
  LOG_FORMAT: z.enum(["text", "json"], "must be text or json").default("text"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
});

export type Env = z.infer<typeof envSchema>;

const keys = Object.keys(envSchema.shape) as (keyof Env)[];

/** Parses raw variables; on failure returns one line naming the first bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): { env: Env } | { error: string } {
  const picked: Record<string, string | undefined> = {};
  for (const k of keys) picked[k] = raw[k] === "" ? undefined : raw[k];
  const result = envSchema.safeParse(picked);
  if (result.success) {
    if (result.data.GLOSS_MODE === "production" && !result.data.SMTP_URL)
      return { error: "SMTP_URL: must be set when GLOSS_MODE=production (mail cannot go to the development outbox)" };
    if (!!result.data.ADMIN_EMAIL !== !!result.data.ADMIN_PASSWORD)
      return {
        error: `${result.data.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"}: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither`,
      };
    return { env: result.data };
  }
  const issue = result.error.issues[0];
  const name = String(issue.path[0] ?? "environment");
  const message = issue.code === "invalid_type" && picked[name] === undefined ? "is required" : issue.message;
  return { error: `${name}: ${message}` };
}

let cached: Env | undefined;

/** The validated environment of this process; throws one clear line when it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if ("error" in parsed) throw new Error(`Invalid environment: ${parsed.error}`);
  cached = parsed.env;
  return cached;
}

export function siteUrl(): string {
  const e = env();
  return (e.AUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
