import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import type { RenderContext } from './render-context.js';
import { measureSms, partLimits, type SmsMeasure } from './sms-encoding.js';
import { errorMessage } from '../support/error-message.js';

/** Parts an SMS may have before it is worth a warning. */
const partsWarned = 2;

const encodingNames = { gsm7: 'GSM-7', ucs2: 'UCS-2' } as const;

/**
 * Measures an SMS rendered with sample values: a warning when it takes more
 * than two parts, a note when one character makes it UCS-2.
 */
export function checkSmsText(
  template: TemplateFile,
  render: (context: RenderContext) => string,
  context: RenderContext,
  diagnostics: Diagnostic[],
): SmsMeasure | undefined {
  let text: string;
  try {
    text = render(context);
  } catch (error) {
    const detail = errorMessage(error);
    diagnostics.push(report('SL844', template.file.span(0, 0), { detail }));
    return undefined;
  }

  const measure = measureSms(text);
  const encoding = encodingNames[measure.encoding];
  if (measure.parts > partsWarned) {
    const limit = partsWarned * partLimits[measure.encoding].multi;
    const data = {
      parts: measure.parts,
      characters: measure.characters,
      encoding,
      limit,
    };
    diagnostics.push(report('SL860', template.file.span(0, 0), data));
  }
  if (measure.forcedBy !== undefined)
    diagnostics.push(forcedByNote(template, measure.forcedBy));
  return measure;
}

/** The note on the character that makes an SMS UCS-2, where it is written. */
function forcedByNote(template: TemplateFile, character: string): Diagnostic {
  const found = template.file.text.indexOf(character);
  const start = Math.max(found, 0);
  const span = template.file.span(
    start,
    start + (found < 0 ? 0 : character.length),
  );
  const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase();
  const codePoint = `U+${hex.padStart(4, '0')}`;
  const single = partLimits.ucs2.single;
  return report('SL861', span, { character, codePoint, single });
}
