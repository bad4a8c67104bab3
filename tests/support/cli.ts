/** Runs a CLI's main() in-process, as the unit tests of bin/ do, and collects what it writes. */
import path from "node:path";
import type { CliIO } from "../../bin/cli-runner";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** main(argv) from the repository root: its exit code, stdout and stderr. Without `stdin` there is no standard input to read. */
export async function runCli(main: (argv: string[], io: CliIO) => Promise<number>, argv: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: REPO_ROOT };
  if (stdin !== undefined) io.readStdin = async () => stdin;
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
