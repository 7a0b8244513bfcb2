import type { MessageTable } from '../message.js';

/**
 * Codes SL300–SL499: the condition language. SL300–SL399 are syntax (the
 * text cannot be read as an expression), SL400–SL499 are types and names
 * (it can be read, but does not make sense against the Model).
 */
export const languageMessages = {
  SL300: {
    severity: 'error',
    message: 'The condition is empty.',
    help: 'Write a condition such as member.consent.email.',
  },
  SL301: {
    severity: 'error',
    message: 'Unexpected character "{character}".',
    help:
      'Conditions use names, literals, parentheses and the operators ' +
      'and, or, not, ==, !=, <, <=, >, >=, in, +, -, *, /.',
  },
  SL302: {
    severity: 'error',
    message: 'This string is not closed.',
    help: 'End it with {quote} on the same line.',
  },
  SL303: {
    severity: 'error',
    message: '"{operator}" is not an operator of the condition language.',
    help: 'Write "{replacement}" instead.',
  },
  SL304: {
    severity: 'error',
    message: 'Unknown escape "{escape}" in a string.',
    help: 'Strings know the escapes \\\\ \\" \\\' \\n and \\t.',
  },
  SL305: {
    severity: 'error',
    message: 'Expected an expression after "{previous}"{found}.',
  },
  SL306: {
    severity: 'error',
    message: 'Expected an expression, but found {found}.',
  },
  SL307: {
    severity: 'error',
    message: 'Expected {expected}, but found {found}.',
  },
  SL308: {
    severity: 'error',
    message: 'Unexpected {found} after a complete expression.',
    help: 'Join conditions with "and" or "or".',
  },
  SL309: {
    severity: 'error',
    message: 'Comparisons cannot be chained.',
    help: 'Join two comparisons with "and", as in 1 < x and x < 5.',
  },
  SL310: {
    severity: 'error',
    message: 'Write "{keyword}", not "{found}": keywords are case-sensitive.',
  },
  SL311: {
    severity: 'error',
    message: 'There is no date {text}.',
    help: 'Dates are written YYYY-MM-DD, with a day that exists in that month.',
  },
  SL312: {
    severity: 'error',
    message: '"{text}" is not a number, duration or amount.',
    help: 'Write numbers as 3 or 2.5, durations as 30m, 12h, 7d or 2w, and amounts as 500 SEK.',
  },
  SL313: {
    severity: 'error',
    message: 'The number {text} is too large.',
    help: 'Whole numbers must be below 9007199254740992.',
  },
  SL314: {
    severity: 'error',
    message: '"{text}" is not a valid datetime.',
    help:
      'Write datetimes as 2024-05-01T10:00, ' +
      'with optional seconds and an offset such as Z or +01:00.',
  },
  SL400: {
    severity: 'error',
    message: 'Unknown name "{name}".{suggestion}',
    help: 'This condition can use: {known}.',
  },
  SL401: {
    severity: 'error',
    message: '"{name}" is not available in this condition.',
    help: 'This condition can use: {known}.',
  },
  SL402: {
    severity: 'error',
    message: '"item" is only available inside an aggregate.',
    help:
      'Use it in the filter or projection of count, sum, min, max, any or all, ' +
      'as in count(member.purchases where item.area == "beauty").',
  },
  SL403: {
    severity: 'error',
    message: '{path} has no attribute "{name}".{suggestion}',
    help: 'Attributes of {path}: {known}.',
  },
  SL404: {
    severity: 'error',
    message: 'Cannot read "{name}" of {path}, which is {type}.',
    help: 'Only objects have attributes.',
  },
  SL405: {
    severity: 'error',
    message: 'Unknown function "{name}".{suggestion}',
    help: 'Functions: {known}.',
  },
  SL406: {
    severity: 'error',
    message: '{name}() takes {expected}, but was given {count}.',
    help: 'Call it as {signature}.',
  },
  SL407: {
    severity: 'error',
    message: '{name}() cannot take {actual} as its {position} argument.',
    help: 'Call it as {signature}.',
  },
  SL408: {
    severity: 'error',
    message:
      '{expression} may be absent ({type}), so it cannot be used here unguarded.',
    help:
      'Guard it, as in has({expression}) and ..., ' +
      'or give a default with coalesce({expression}, ...).',
  },
  SL409: {
    severity: 'error',
    message: 'Operator "{operator}" cannot be applied to {left} and {right}.',
  },
  SL410: {
    severity: 'error',
    message: 'Operator "{operator}" cannot be applied to {type}.',
  },
  SL411: {
    severity: 'error',
    message: 'Cannot compare {left} with {right}.',
  },
  SL412: {
    severity: 'error',
    message:
      'Values of type {type} have no order, so "{operator}" cannot compare them.',
    help: 'Compare them with == or != instead.',
  },
  SL413: {
    severity: 'error',
    message: '"{value}" is not a value of {type}.{suggestion}',
    help: 'Its values are: {values}.',
  },
  SL414: {
    severity: 'error',
    message: '"{operator}" needs a list on its right, not {type}.',
    help: 'Write a list such as ["a", "b"], or an attribute that is a list.',
  },
  SL415: {
    severity: 'error',
    message: 'Expected {expected}, but this is {actual}.',
  },
  SL416: {
    severity: 'error',
    message:
      'The items of a list must share one type, but this is {actual} after {first}.',
  },
  SL417: {
    severity: 'error',
    message: '{name}() takes no "where" filter.',
    help: 'Only the aggregates count, sum, min, max, any and all filter their list.',
  },
  SL418: {
    severity: 'error',
    message: '{name}() needs a condition: {name}(list where ...).',
    help: 'Write, for example, {name}(member.purchases where item.area == "beauty").',
  },
  SL419: {
    severity: 'error',
    message: '{name}() needs a list as its first argument, not {type}.',
  },
  SL420: {
    severity: 'warning',
    message: 'has({expression}) is always true: {expression} is never absent.',
    help: 'Only optional values (marked ? in the Model) can be absent.',
  },
  SL421: {
    severity: 'error',
    message: 'An empty list has no item type here.',
    help: 'Use [] only on the right of "in", where the left side gives its type.',
  },
  SL422: {
    severity: 'warning',
    message:
      'No item passes "{condition}": the list drops its items {days} days after their "{by}".',
    help: 'Look back at most {days} days, or keep the items longer in the Model (retention).',
  },
} as const satisfies MessageTable;
