import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source-file.js';
import type { TemplateText } from './handlebars-syntax.js';
import { validateMjml, type MjmlError } from './mjml-library.js';
import { placeHandlebars } from './mjml-placement.js';
import { errorMessage } from '../support/error-message.js';

/**
 * Checks the MJML of an email body as strict validation would, and that no
 * Handlebars expression stands where MJML would drop it.
 */
export function checkMjml(body: TemplateText, diagnostics: Diagnostic[]): void {
  const placed = placeHandlebars(body.source.text);
  for (const range of placed.dropped)
    diagnostics.push(report('SL841', body.rangeSpan(range.start, range.end)));

  let errors: MjmlError[];
  try {
    errors = validateMjml(placed.text);
  } catch (error) {
    const detail = errorMessage(error);
    diagnostics.push(report('SL840', body.rangeSpan(0, 0), { detail }));
    return;
  }
  for (const error of errors)
    diagnostics.push(
      report('SL840', errorSpan(body, error), { detail: error.message }),
    );
}

/**
 * Where an MJML error is. MJML gives only the line of the element; the
 * column is that of the element's tag on the line, when it is there.
 */
export function errorSpan(body: TemplateText, error: MjmlError): Span {
  const line = Math.max(error.line, 1);
  const lineStart = body.offset(line, 0);
  const lineEnd = body.source.text.indexOf('\n', lineStart);
  const lineText = body.source.text.slice(
    lineStart,
    lineEnd < 0 ? undefined : lineEnd,
  );
  const column = Math.max(lineText.indexOf(`<${error.tagName}`), 0);
  const start = lineStart + column;
  return body.rangeSpan(start, start + error.tagName.length + 1);
}
