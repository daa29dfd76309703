import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { publication } from "@/lib/site";

/** `html`: the same message as HTML (lib/mail/messages.ts builds both parts). */
export type Mail = { to: string; subject: string; text: string; html?: string };
export type StoredMail = Mail & { id: string; from: string; date: string };

// Mail speaks as the publication, not as the software (issue 18, item 6).
const from = () => `${publication.name} <no-reply@${new URL(env().AUTH_URL ?? "http://localhost").hostname}>`;
export const outboxDir = () => path.resolve(env().GLOSS_DATA_DIR, "mail");

// Sends by SMTP when SMTP_URL is set; otherwise writes to the development outbox (/dev/mail).
export async function sendMail(mail: Mail) {
  const e = env();
  if (e.SMTP_URL) {
    await nodemailer.createTransport(e.SMTP_URL).sendMail({ from: from(), ...mail });
    return;
  }
  const date = new Date();
  const id = `${date.getTime()}-${crypto.randomBytes(4).toString("hex")}`;
  const stored: StoredMail = { id, from: from(), date: date.toISOString(), ...mail };
  await fs.mkdir(outboxDir(), { recursive: true });
  await fs.writeFile(path.join(outboxDir(), `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
}

export async function listOutbox(limit = 50): Promise<StoredMail[]> {
  let files: string[];
  try { files = await fs.readdir(outboxDir()); } catch { return []; }
  const newest = files.filter((f) => f.endsWith(".json")).sort().reverse().slice(0, limit);
  return Promise.all(newest.map(async (f) => JSON.parse(await fs.readFile(path.join(outboxDir(), f), "utf8")) as StoredMail));
}
