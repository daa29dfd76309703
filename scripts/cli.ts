// `npm run gloss -- <command>`: administration from the shell. Exit 0 on success; 1 with one line on bad input.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { systemActor } from "@/lib/auth/system-actor";
import { backupDatabase } from "@/lib/backup/backup-database";
import { restoreDatabase } from "@/lib/backup/restore-database";
import { closeDb } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { exportWxr } from "@/lib/export/export-wxr";
import { formatReport } from "@/lib/import/import-report";
import { importWxr } from "@/lib/import/import-wxr";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { roleSchema } from "@/lib/validation/user";

const help = `Usage: npm run gloss -- <command> [options]

Commands:
  user:create --email E --name N --password P [--role commenter|contributor|moderator|editor|admin] [--trusted]
  user:role --email E --role R
  export:annotations --article SLUG   the article's public annotations as W3C JSON-LD on stdout
  import:wxr FILE [--media-dir DIR] [--json]
                                import a WordPress export (WXR 1.1/1.2); re-running it changes nothing;
                                images whose files are under DIR (e.g. wp-content/uploads) become media
  backup --out FILE             the whole database in one file (gzip'd JSON lines)
  export:wxr [--out FILE]       every article, author, category, tag and approved comment as a WordPress export (stdout without --out)
  restore FILE [--force]        a backup back into an empty database (--force: replace what is there)
`;

type Command = (argv: string[]) => Promise<string>;

/** `npm run` works in the project folder; a relative path means the folder the user was in. */
const userPath = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
const sumRows = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

const commands: Record<string, Command> = {
  async "export:annotations"(argv) {
    const { values } = parseArgs({ args: argv, options: { article: { type: "string" } } });
    if (!values.article) throw new AppError("bad_request", "Name the article: --article SLUG");
    return JSON.stringify(await exportAnnotations(values.article), null, 2);
  },
  async "user:create"(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        role: { type: "string" },
        trusted: { type: "boolean" },
      },
    });
    const role = values.role === undefined ? "commenter" : roleSchema.parse(values.role);
    const user = await createUser(
      { email: values.email ?? "", name: values.name ?? "", password: values.password ?? "" },
      { role, trusted: values.trusted },
    );
    return `Created ${user.role} ${user.email} (${user.id})${values.trusted ? ", trusted" : ""}.`;
  },
  async "user:role"(argv) {
    const { values } = parseArgs({ args: argv, options: { email: { type: "string" }, role: { type: "string" } } });
    const user = await changeUserRole(systemActor, { email: values.email ?? "", role: values.role ?? "" });
    return `${user.email} is now ${user.role}.`;
  },
  async "import:wxr"(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, "media-dir": { type: "string" } },
    });
    if (positionals.length !== 1) throw new AppError("bad_request", "name one WordPress export file: import:wxr FILE");
    // `npm run` works in the project folder; a relative path means the folder the user was in.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
    if (!fs.existsSync(file)) throw new AppError("bad_request", `no such file: ${positionals[0]}`);
    const mediaDir = values["media-dir"] ? userPath(values["media-dir"]) : null;
    if (mediaDir && !fs.statSync(mediaDir, { throwIfNoEntry: false })?.isDirectory())
      throw new AppError("bad_request", `no such folder: ${values["media-dir"]}`);
    const report = await importWxr("command-line", file, { mediaDir });
    return values.json ? JSON.stringify(report, null, 2) : formatReport(report);
  },
  async backup(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: "string" } },
    });
    if (!values.out || positionals.length)
      throw new AppError("bad_request", "name the file to write: backup --out FILE");
    const file = userPath(values.out);
    if (!fs.existsSync(path.dirname(file)))
      throw new AppError("bad_request", `no such folder: ${path.dirname(values.out)}`);
    const summary = await backupDatabase(file);
    return `Backed up ${sumRows(summary.tables)} rows in ${Object.keys(summary.tables).length} tables (at migration ${summary.migrations.at(-1) ?? "none"}) to ${values.out} (${fs.statSync(file).size} bytes).`;
  },
  async "export:wxr"(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: "string" } },
    });
    if (positionals.length) throw new AppError("bad_request", "export:wxr takes no file name but --out FILE");
    if (!values.out) {
      await exportWxr(process.stdout);
      return "";
    }
    const file = userPath(values.out);
    if (!fs.existsSync(path.dirname(file)))
      throw new AppError("bad_request", `no such folder: ${path.dirname(values.out)}`);
    const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
    const stream = fs.createWriteStream(partial);
    try {
      const s = await exportWxr(stream);
      await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
      fs.renameSync(partial, file);
      return `Exported ${s.articles} articles, ${s.comments} approved comments, ${s.authors} authors, ${s.categories} categories and ${s.tags} tags to ${values.out}.`;
    } finally {
      stream.destroy();
      fs.rmSync(partial, { force: true });
    }
  },
  async restore(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { force: { type: "boolean" } },
    });
    if (positionals.length !== 1) throw new AppError("bad_request", "name one backup file: restore FILE [--force]");
    const summary = await restoreDatabase(userPath(positionals[0]), { force: values.force });
    return `Restored ${sumRows(summary.tables)} rows in ${Object.keys(summary.tables).length} tables from ${positionals[0]}.`;
  },
};

function oneLine(e: unknown): string {
  if (isAppError(e)) {
    const fields = e.fields
      ? Object.entries(e.fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join("; ")
      : "";
    return fields || e.message;
  }
  if (e && typeof e === "object" && "issues" in e) {
    const issue = (e as { issues: { message: string }[] }).issues[0];
    return issue?.message ?? "invalid input";
  }
  if (e instanceof Error && (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) return e.message;
  return null as unknown as string;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--") args.shift(); // `node scripts/run.mjs gloss -- …` passes the separator through
  const [name, ...argv] = args;
  if (!name || name === "help" || name === "--help") {
    process.stdout.write(help);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}". Run \`npm run gloss\` for the list.`);
    return 1;
  }
  try {
    const output = await command(argv);
    if (output) console.log(output);
    return 0;
  } catch (e) {
    const message = oneLine(e);
    if (message) {
      console.error(`Error: ${message}`);
      return 1;
    }
    console.error("Error: unexpected failure —", e instanceof Error ? e.message.split("\n")[0] : String(e));
    return 1;
  } finally {
    await closeDb();
  }
}

process.exitCode = await main();
