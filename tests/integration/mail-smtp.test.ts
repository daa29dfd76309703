import net from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The upgraded nodemailer (10.x, past the 7.0.10 advisories) speaks SMTP the way lib/mail/send-mail.ts
// uses it: createTransport(SMTP_URL).sendMail({ from, to, subject, text }). A minimal SMTP server
// on a local port receives the message.
let server: net.Server;
let port = 0;
const received: string[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    let data = false;
    let message = "";
    socket.write("220 test ESMTP\r\n");
    socket.setEncoding("utf8");
    let buffer = "";
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === ".") {
            data = false;
            received.push(message);
            message = "";
            socket.write("250 OK queued\r\n");
          } else message += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-test\r\n250 8BITMIME\r\n");
        else if (verb === "DATA") {
          data = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.write("221 bye\r\n");
          socket.end();
        } else socket.write("250 OK\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("mail through SMTP with nodemailer 10", () => {
  it("delivers a reset-style message with its headers and text", async () => {
    const info = await nodemailer.createTransport(`smtp://127.0.0.1:${port}`).sendMail({
      from: "Gloss <no-reply@localhost>",
      to: "reader@gloss.test",
      subject: "Reset your password",
      text: "Hello Reader,\n\nOpen this link: http://localhost/reset-password?token=abc\n",
    });
    expect(info.accepted).toEqual(["reader@gloss.test"]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^Subject: Reset your password$/m);
    expect(received[0]).toMatch(/^To: reader@gloss.test$/m);
    expect(received[0]).toContain("reset-password?token=abc");
  });

  it("parses a deeply nested address group without overflowing the stack (CVE-2025-14874)", async () => {
    const { default: addressparser } = await import("nodemailer/lib/addressparser");
    const parsed = addressparser(`${"a:".repeat(20_000)}b@c.test;`, { flatten: true });
    expect(Array.isArray(parsed)).toBe(true);
  });
});
