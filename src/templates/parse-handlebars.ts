import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program, TemplateText } from './handlebars-syntax.js';
import { parsingEnvironment } from './template-environment.js';
import { errorMessage } from '../support/error-message.js';

/** Where the Handlebars lexer stopped, as its parser leaves it. */
interface LexerLocation {
  readonly first_line: number;
  readonly first_column: number;
}

/**
 * Parses a template part with Handlebars. A syntax error becomes a
 * diagnostic at its place; Handlebars throws, and only for that.
 */
export function parseHandlebars(
  text: TemplateText,
  diagnostics: Diagnostic[],
): Program | undefined {
  try {
    return parsingEnvironment.parse(text.source.text);
  } catch (error) {
    const message = errorMessage(error);
    const place = errorPlace(error) ?? { line: 1, column: 0 };
    const offset = text.offset(place.line, place.column);
    const span = text.rangeSpan(offset, offset);
    diagnostics.push(report('SL810', span, { detail: describe(message) }));
    return undefined;
  }
}

/**
 * The line and column of a parse error. Block mismatches carry them; the
 * parser's own errors only name the line in their text, so the column comes
 * from the lexer's last token, which the shared parser object keeps.
 */
function errorPlace(
  error: unknown,
): { line: number; column: number } | undefined {
  const carried = error as { lineNumber?: unknown; column?: unknown };
  if (typeof carried.lineNumber === 'number') {
    const column = typeof carried.column === 'number' ? carried.column : 0;
    return { line: carried.lineNumber, column };
  }
  const parser = (
    parsingEnvironment as unknown as {
      Parser?: { lexer?: { yylloc?: LexerLocation } };
    }
  ).Parser;
  const location = parser?.lexer?.yylloc;
  if (location === undefined) return undefined;
  return { line: location.first_line, column: location.first_column };
}

/** The useful part of a Handlebars error message. */
function describe(message: string): string {
  const lines = message.split('\n');
  if (!message.startsWith('Parse error')) return lines[0] ?? message;
  const last = lines[lines.length - 1] ?? '';
  const found = /got '([^']+)'/.exec(last)?.[1] ?? 'something else';
  const expected = [...last.matchAll(/'([^']+)'/g)]
    .map((match) => match[1] ?? '')
    .filter((token) => token !== found);
  return `unexpected ${tokenName(found)}; expected ${expected.map(tokenName).join(', ')}.`;
}

const tokenNames: Readonly<Record<string, string>> = {
  INVALID: 'text',
  EOF: 'the end of the text',
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  OPEN_SEXPR: '"("',
  CLOSE_SEXPR: '")"',
  ID: 'a name',
  STRING: 'a string',
  NUMBER: 'a number',
  BOOLEAN: 'true or false',
  UNDEFINED: 'undefined',
  NULL: 'null',
  DATA: 'an @name',
  SEP: '"." or "/"',
  EQUALS: '"="',
};

function tokenName(token: string): string {
  return tokenNames[token] ?? token.toLowerCase().replace(/_/g, ' ');
}
