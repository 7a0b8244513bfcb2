/** The CLI's exit codes. */
export const ExitCode = {
  /** Nothing failed. */
  ok: 0,
  /** The workspace has errors, tests failed, or warnings passed the limit. */
  failed: 1,
  /** The command was used wrongly, or Slinga itself failed. */
  usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
