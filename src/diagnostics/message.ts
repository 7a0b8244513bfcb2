import type { Severity } from './diagnostic.js';

/**
 * One entry of the diagnostic catalogue. `message` and `help` may hold
 * `{slot}` placeholders, filled from the data given when it is reported.
 */
export interface MessageDefinition {
  readonly severity: Severity;
  readonly message: string;
  readonly help?: string;
}

/** The messages of one stage, keyed by their stable code. */
export type MessageTable = Readonly<Record<string, MessageDefinition>>;
