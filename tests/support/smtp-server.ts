import net from "node:net";
import nodemailer from "nodemailer";
import type { MailTransport } from "@/lib/mail/send-mail";

/**
 * A local SMTP server that answers the first `refusals` MAIL commands with 451 (try again later)
 * and keeps what it is sent after that; with a pooled nodemailer transport to it. For the job
 * queue's retry test and the faults bench.
 */
export async function refusingSmtpServer(refusals: number) {
  const received: { messageId: string; subject: string }[] = [];
  let refused = 0;
  const server = net.createServer((socket) => {
    socket.setEncoding("utf8");
    socket.write("220 test ESMTP\r\n");
    let buffer = "";
    let inData = false;
    let data = "";
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf("\r\n"); i >= 0; i = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push({
              messageId: /^Message-ID: (.*)$/im.exec(data)?.[1] ?? "",
              subject: /^Subject: (.*)$/im.exec(data)?.[1] ?? "",
            });
            data = "";
            socket.write("250 kept\r\n");
          } else data += line + "\n";
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
        else if (verb === "MAIL") {
          if (refused < refusals) {
            refused++;
            socket.write("451 4.3.0 try again later\r\n");
          } else socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else socket.write("250 ok\r\n");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
  });
  return {
    received,
    refusedCount: () => refused,
    transport: transport as unknown as MailTransport,
    close: async () => {
      transport.close();
      await new Promise((r) => server.close(r));
    },
  };
}
