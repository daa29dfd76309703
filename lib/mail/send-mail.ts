import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { publication } from "@/lib/site";

/**
 * `html`: the same message as HTML (lib/mail/messages.ts builds both parts). `headers`: extra
 * header lines, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on list mail.
 */
export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };
export type StoredMail = Mail & { id: string; from: string; date: string };

// Mail speaks as the publication, not as the software (issue 18, item 6).
const from = () => `${publication.name} <no-reply@${new URL(env().AUTH_URL ?? "http://localhost").hostname}>`;
export const outboxDir = () => path.resolve(env().GLOSS_DATA_DIR, "mail");

export type MailTransport = { sendMail(mail: object): Promise<unknown>; close(): void };
const globalForMail = globalThis as unknown as { glossSmtp?: { url: string; transport: MailTransport } };

/** One pooled SMTP transport per process (connections reused across mails), made on first use. */
export function smtpTransport(url: string): MailTransport {
  if (globalForMail.glossSmtp?.url !== url) {
    globalForMail.glossSmtp?.transport.close();
    globalForMail.glossSmtp = {
      url,
      transport: nodemailer.createTransport({
        url,
        pool: true,
        maxConnections: 2,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as never) as MailTransport,
    };
  }
  return globalForMail.glossSmtp!.transport;
}

/** Closes the pooled connections (shutdown; tests). */
export function closeSmtp() {
  globalForMail.glossSmtp?.transport.close();
  globalForMail.glossSmtp = undefined;
}

// Sends by SMTP when SMTP_URL is set; otherwise writes to the development outbox (/dev/mail).
// Most mail goes through the job queue instead (queueMail), which retries; this is its delivery.
export async function sendMail(mail: Mail) {
  await deliverMail(mail);
}

/** Delivers one mail now (the queue's "mail" jobs call this); throws when the server refuses it. */
export async function deliverMail(mail: Mail, options: { messageId?: string; transport?: MailTransport } = {}) {
  const e = env();
  const host = new URL(env().AUTH_URL ?? "http://localhost").hostname;
  const messageId = options.messageId ? `<${options.messageId}@${host}>` : undefined;
  const transport = options.transport ?? (e.SMTP_URL ? smtpTransport(e.SMTP_URL) : null);
  if (transport) {
    await transport.sendMail({ from: from(), ...mail, ...(messageId ? { messageId } : {}) });
    return;
  }
  const date = new Date();
  // The outbox is keyed by the job too: a retried job overwrites its own file instead of adding one.
  const id = options.messageId
    ? `${date.getTime()}-${options.messageId}`
    : `${date.getTime()}-${crypto.randomBytes(4).toString("hex")}`;
  const stored: StoredMail = { id, from: from(), date: date.toISOString(), ...mail };
  await fs.mkdir(outboxDir(), { recursive: true });
  await fs.writeFile(path.join(outboxDir(), `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
}

export async function listOutbox(limit = 50): Promise<StoredMail[]> {
  let files: string[];
  try {
    files = await fs.readdir(outboxDir());
  } catch {
    return [];
  }
  const newest = files
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (f) => JSON.parse(await fs.readFile(path.join(outboxDir(), f), "utf8")) as StoredMail),
  );
}
