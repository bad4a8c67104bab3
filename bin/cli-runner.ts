/**
 * What both CLIs (bin/estimate.ts, bin/rightsize.ts) share: the I/O they are given (so tests call main()
 * in-process), reading standard input, and running main() when the file is executed directly.
 */
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
