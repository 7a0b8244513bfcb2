import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source-file.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { describeType, type Type } from '../language/types.js';
import type { MemberModel } from '../workspace/workspace.js';

/**
 * The type of what an assignment writes (an event's `updates`, a journey's
 * `update: set:`): a member attribute, `email_confirmed`, or a property of
 * an object attribute, `consent.children`. Every object on the way must be
 * required: writing one property of a missing object would make an object
 * without the others. Gives the type, or the diagnostic at `span` that
 * says why the target cannot be written.
 */
export function assignedType(
  model: MemberModel,
  target: string,
  span: Span,
): Type | Diagnostic {
  const [first = '', ...rest] = target.split('.');
  const attribute = model.attributes.get(first);
  if (attribute === undefined) {
    return report('SL503', span, {
      what: 'member attribute',
      name: first,
      suggestion: didYouMean(first, model.attributes.keys()),
    });
  }
  let type = attribute.type;
  let path = first;
  for (const name of rest) {
    if (type.kind !== 'object') {
      return report('SL515', span, {
        attribute: path,
        actual: describeType(type),
        expected: `a required object with a property "${name}"`,
      });
    }
    const property = type.properties.get(name);
    if (property === undefined) {
      return report('SL503', span, {
        what: `property of ${path}`,
        name,
        suggestion: didYouMean(name, type.properties.keys()),
      });
    }
    type = property;
    path = `${path}.${name}`;
  }
  return type;
}

/** Whether assignedType gave a diagnostic rather than a type. */
export function isDiagnostic(result: Type | Diagnostic): result is Diagnostic {
  return 'code' in result;
}
