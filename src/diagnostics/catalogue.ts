import type { Diagnostic, RelatedLocation } from './diagnostic.js';
import type { MessageDefinition } from './message.js';
import { checkingMessages } from './messages/checking.js';
import { languageMessages } from './messages/language.js';
import { loadingMessages } from './messages/loading.js';
import { schemaMessages } from './messages/schema.js';
import { simulationMessages } from './messages/simulation.js';
import { templateMessages } from './messages/templates.js';
import type { Span } from './source-file.js';

/**
 * Every diagnostic Slinga reports, keyed by its stable code. Each stage keeps
 * its own range of codes in `messages/`; this is their union.
 */
export const catalogue = {
  ...loadingMessages,
  ...schemaMessages,
  ...languageMessages,
  ...checkingMessages,
  ...simulationMessages,
  ...templateMessages,
} as const;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof catalogue;

/** Values for the `{slot}` placeholders of a message. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Optional parts of a reported diagnostic. */
export interface ReportExtras {
  readonly related?: readonly RelatedLocation[];
  /** Replaces the catalogue's help text. */
  readonly help?: string;
}

/** Builds the diagnostic for a catalogue code at a span. */
export function report(
  code: DiagnosticCode,
  span: Span | undefined,
  data: MessageData = {},
  extras: ReportExtras = {},
): Diagnostic {
  const definition: MessageDefinition = catalogue[code];
  const help = extras.help ?? definition.help;
  return {
    code,
    severity: definition.severity,
    message: fill(definition.message, data),
    ...(span === undefined ? {} : { span }),
    related: extras.related ?? [],
    ...(help === undefined ? {} : { help: fill(help, data) }),
  };
}

function fill(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}
