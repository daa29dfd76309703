import fs from "node:fs";
import sax, { type QualifiedTag } from "sax";
import { AppError } from "@/lib/errors";

export const dtdRefusal = "the file declares a DTD or entities, which is not allowed";

export type XmlHandlers = {
  open(tag: QualifiedTag): void;
  close(): void;
  text(text: string): void;
  /** Awaited after every chunk the parser took (and at the end): where the caller does its slow work. */
  drain?(): Promise<void>;
};

class XmlSyntaxError extends Error {}

const chunkChars = 256 * 1024;

/**
 * Streams an XML file through a strict, namespace-aware sax parser, a chunk at a time, so memory
 * stays flat whatever the file's size. A DOCTYPE (and with it any entity declaration) is refused
 * outright: sax never expands declared entities, and nothing past the five XML entities and
 * character references is accepted. Malformed XML and refusals become a one-line AppError.
 */
export async function streamXml(file: string, handlers: XmlHandlers): Promise<void> {
  const parser = sax.parser(true, { xmlns: true, position: true });
  parser.onerror = (error) => {
    throw new XmlSyntaxError(error.message);
  };
  parser.ondoctype = () => {
    throw new AppError("bad_request", dtdRefusal);
  };
  parser.onsgmldeclaration = () => {
    throw new AppError("bad_request", dtdRefusal);
  };
  parser.onprocessinginstruction = ({ name, body }) => {
    const encoding = name === "xml" ? /encoding\s*=\s*["']([^"']+)["']/.exec(body)?.[1] : undefined;
    if (encoding && !/^utf-?8$/i.test(encoding))
      throw new AppError("bad_request", `the file is encoded in ${encoding}; only UTF-8 exports can be imported`);
  };
  parser.onopentag = (tag) => handlers.open(tag as QualifiedTag);
  parser.onclosetag = () => handlers.close();
  parser.ontext = (text) => handlers.text(text);
  parser.oncdata = (text) => handlers.text(text);

  const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: chunkChars });
  try {
    let empty = true;
    for await (const chunk of stream) {
      if (empty && /\S/.test(chunk as string)) empty = false;
      parser.write(chunk as string);
      await handlers.drain?.();
    }
    if (empty) throw new AppError("bad_request", "the file is empty");
    parser.close();
    await handlers.drain?.();
  } catch (e) {
    throw translate(e, parser.line + 1);
  } finally {
    stream.destroy();
  }
}

function translate(e: unknown, line: number): unknown {
  if (e instanceof XmlSyntaxError) {
    const reason = e.message.split("\n")[0];
    // sax gives up on a DOCTYPE longer than its buffer before it reports the DOCTYPE itself.
    if (/doctype/i.test(reason)) return new AppError("bad_request", dtdRefusal);
    return new AppError(
      "bad_request",
      `the file is not well-formed XML (line ${line}: ${reason.replace(/\.$/, "").toLowerCase()})`,
    );
  }
  const code = (e as { code?: string } | null)?.code;
  if (code === "ENOENT") return new AppError("bad_request", "no such file");
  if (code === "EISDIR") return new AppError("bad_request", "that is a folder, not a file");
  if (code === "EACCES") return new AppError("bad_request", "the file cannot be read (permission denied)");
  return e;
}
