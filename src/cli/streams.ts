/** Where the CLI writes: passed in, so tests can capture the output. */
export interface OutputStreams {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** The part of a stream the CLI uses. */
export interface Writable {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Whether to colour output for this stream (a terminal, and NO_COLOR unset). */
export function wantsColor(stream: Writable): boolean {
  return stream.isTTY === true && process.env['NO_COLOR'] === undefined;
}
