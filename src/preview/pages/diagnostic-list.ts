import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  location,
  type SourceLookup,
} from '../../diagnostics/formatters/format-human.js';
import type { Span } from '../../diagnostics/source-file.js';
import { html, type SafeHtml } from '../html.js';

/** Diagnostics as the human format shows them, in HTML: each with its code frame. */
export function diagnosticList(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
): SafeHtml {
  return html`${diagnostics.map((diagnostic) => diagnosticItem(diagnostic, sources))}`;
}

function diagnosticItem(
  diagnostic: Diagnostic,
  sources: SourceLookup,
): SafeHtml {
  const { span, severity } = diagnostic;
  return html`<div class="diagnostic ${severity}">
    <div>
      <span class="severity ${severity}">${severity}</span>
      <code>${diagnostic.code}</code> ${diagnostic.message}
    </div>
    ${span && html`<div class="where">${location(span)}</div>`}
    ${span && codeFrame(span, sources)}
    ${diagnostic.related.map(
      (related) =>
        html`<p class="note">
          note: ${related.message} (${location(related.span)})
        </p>`,
    )}
    ${
      diagnostic.help !== undefined &&
      html`<p class="note">help: ${diagnostic.help}</p>`
    }
  </div>`;
}

/**
 * The lines around a span, with the span marked: one line before and one
 * after, for context. A span that runs past its line is marked to the end
 * of the line; an empty span marks one character.
 */
function codeFrame(span: Span, sources: SourceLookup): SafeHtml | undefined {
  const file = sources(span.file);
  if (file === undefined) return undefined;
  const { line, column } = span.start;
  const text = file.lineText(line);
  const end = span.end.line === line ? span.end.column : text.length + 1;
  const stop = Math.max(end, column + 1);
  const numbers = [line - 1, line, line + 1].filter(
    (number) => number >= 1 && (number <= line || file.lineText(number) !== ''),
  );
  const width = String(Math.max(...numbers)).length;
  const gutter = (number: number): SafeHtml =>
    html`<span class="gutter">${String(number).padStart(width)} │ </span>`;
  const rows = numbers.map((number) => {
    if (number !== line) return html`${gutter(number)}${file.lineText(number)}`;
    const before = text.slice(0, column - 1);
    const marked = text.slice(column - 1, stop - 1) || ' ';
    const after = text.slice(stop - 1);
    return html`${gutter(number)}${before}<mark>${marked}</mark>${after}`;
  });
  return html`<pre class="frame">
${rows.map((row, index) => html`${index > 0 && '\n'}${row}`)}</pre>`;
}
