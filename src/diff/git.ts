import { execFile } from 'node:child_process';

/** What a git command printed, or why it failed. */
export type GitResult =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly message: string };

/**
 * Runs git in a folder. Failures are results, not exceptions: a revision
 * that does not exist is the user's mistake, not Slinga's.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  environment: Readonly<Record<string, string>> = {},
): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        env: { ...process.env, ...environment },
        maxBuffer: 64 * 2 ** 20,
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ ok: true, stdout });
        const message = stderr.trim().split('\n')[0] ?? '';
        resolve({ ok: false, message: message || error.message });
      },
    );
  });
}
