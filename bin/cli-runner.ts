/**
 * What both CLIs (bin/estimate.ts, bin/rightsize.ts) share: the I/O they are given (so tests call main()
 * in-process), reading standard input, and running main() when the file is executed directly.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin?: () => Promise<string>;
  /** Working directory for relative paths and the default data dir. */
  cwd?: string;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

/** Why a file could not be read, in words ("no such file", "it is a directory", ...). */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/** How a CLI names its input file in messages: "-" is standard input. */
export const inputLabel = (file: string): string => (file === "-" ? "standard input" : file);

/** A usage error (exit 2, with the usage) or --help (the usage, exit 0): call when either holds. */
export function usageOrHelp(name: string, usage: string, args: { error: string } | { help: boolean }, io: CliIO): number {
  if ("error" in args) {
    io.stderr(`${name}: ${args.error}\n${usage}\n`);
    return EXIT_INVALID;
  }
  io.stdout(`${usage}\n`);
  return EXIT_OK;
}

/** --data-dir, given as data/ (holding catalog/) or as data/catalog itself; without it, data/ in the working directory. */
export function dataDirOf(option: string | null | undefined, cwd: string): string {
  if (!option) return path.join(cwd, "data");
  const abs = path.resolve(cwd, option);
  if (!existsSync(path.join(abs, "catalog", "index.json")) && existsSync(path.join(abs, "index.json"))) return path.dirname(abs);
  return abs;
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Runs `main` with the process's argv and streams when `moduleUrl` is the script Node was started with. */
export function runIfInvokedDirectly(moduleUrl: string, name: string, main: (argv: string[], io: CliIO) => Promise<number>): void {
  const script = process.argv[1];
  if (script === undefined || moduleUrl !== pathToFileURL(path.resolve(script)).href) return;
  // `... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: readAllStdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
