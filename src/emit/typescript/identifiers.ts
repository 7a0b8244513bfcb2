/*
 * Names and texts that come from YAML end up in generated TypeScript: as
 * identifiers, as object keys, inside comments. Ids are checked against
 * `^[a-z][a-z0-9_]*$`, but attribute names, enum values and file names are
 * not, and a workspace object can be built without the checker. So nothing
 * from YAML is pasted into code unescaped.
 */

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words TypeScript refuses, or treats specially, as a binding name. */
const reservedWords = new Set(
  (
    'break case catch class const continue debugger default delete do else ' +
    'enum export extends false finally for function if import in instanceof ' +
    'new null return super switch this throw true try typeof var void while ' +
    'with implements interface let package private protected public static ' +
    'yield await arguments eval undefined NaN Infinity any boolean never ' +
    'number object string symbol unknown bigint type'
  ).split(' '),
);

/**
 * A camelCase identifier made of words: each word's letters and digits are
 * kept, anything else splits words. `['segment', 'lapsed_12m']` gives
 * `segmentLapsed12m`. Never a reserved word and never starting with a digit.
 */
export function camelIdentifier(words: readonly string[]): string {
  const parts = words.flatMap((word) => word.split(/[^A-Za-z0-9]+/));
  const joined = parts
    .filter((part) => part.length > 0)
    .map((part, index) =>
      index === 0
        ? part.charAt(0).toLowerCase() + part.slice(1)
        : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join('');
  return safeIdentifier(joined);
}

/** A PascalCase identifier made of words, as camelIdentifier. */
export function pascalIdentifier(words: readonly string[]): string {
  const camel = camelIdentifier(words);
  const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
  return safeIdentifier(pascal);
}

function safeIdentifier(candidate: string): string {
  if (candidate.length === 0) return '_';
  const start = /^[0-9]/.test(candidate) ? `_${candidate}` : candidate;
  return reservedWords.has(start) ? `${start}_` : start;
}

/**
 * Hands out identifiers that are unique within one generated file: a name
 * taken before gets a number (`winbackEntry2`).
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** A free identifier based on `wanted`, now taken. */
  take(wanted: string): string {
    let name = wanted;
    for (let counter = 2; this.taken.has(name); counter++) {
      name = `${wanted}${counter}`;
    }
    this.taken.add(name);
    return name;
  }
}

/**
 * An object-literal key for a name: bare when it is an identifier, else a
 * string literal. `__proto__` is written computed (`["__proto__"]`), since
 * in a literal the plain key would set the prototype instead of a property.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `[${JSON.stringify(name)}]`;
  return identifierPattern.test(name) ? name : JSON.stringify(name);
}

/**
 * A property name in an interface: bare when it is an identifier, else a
 * string literal. (In a type, `__proto__` is an ordinary property name.)
 */
export function typePropertyName(name: string): string {
  return identifierPattern.test(name) ? name : JSON.stringify(name);
}

/**
 * Text that can stand inside a comment: line breaks and other control
 * characters become spaces and `*\/` is broken up, so YAML text cannot end
 * the comment and become code.
 */
export function commentText(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\*\//g, '*\\/');
}
