/** The message of something thrown, for a line of text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
