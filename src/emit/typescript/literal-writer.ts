import type { CodeBlockWriter } from 'ts-morph';
import { commentText, propertyKey } from './identifiers.js';

/** Code written as it is: a reference or a call the emitter made itself. */
export class Code {
  constructor(readonly text: string) {}
}

/** A value with a line comment before it (`// 3`). */
export class Commented {
  constructor(
    readonly comment: string,
    readonly value: Literal,
  ) {}
}

/** A value written between two pieces of code: `new Map(` … `)`. */
export class Wrapped {
  constructor(
    readonly before: string,
    readonly value: Literal,
    readonly after: string,
  ) {}
}

/**
 * What writeLiteral can write: JSON-like data with code in places. Objects
 * keyed by names from YAML must be made with Object.fromEntries, so that a
 * key `__proto__` stays a key.
 */
export type Literal =
  | null
  | boolean
  | number
  | string
  | Code
  | Commented
  | Wrapped
  | readonly Literal[]
  | { readonly [key: string]: Literal };

/** Emitter-made code, for a place in a literal. */
export function code(text: string): Code {
  return new Code(text);
}

/** Arrays of scalars shorter than this are written on one line. */
const inlineWidth = 60;

/**
 * Writes a value as a TypeScript expression. Strings go through
 * JSON.stringify and keys through propertyKey, so no YAML text can change
 * the code around it.
 */
export function writeLiteral(writer: CodeBlockWriter, value: Literal): void {
  if (value instanceof Code) {
    writer.write(value.text);
  } else if (value instanceof Commented) {
    writer.write(`// ${commentText(value.comment)}`).newLine();
    writeLiteral(writer, value.value);
  } else if (value instanceof Wrapped) {
    writer.write(value.before);
    writeLiteral(writer, value.value);
    writer.write(value.after);
  } else if (isLiteralArray(value)) {
    writeArray(writer, value);
  } else if (value !== null && typeof value === 'object') {
    writeObject(writer, value);
  } else {
    writer.write(scalarText(value));
  }
}

/** A value as the text of an expression; see writeLiteral. */
export function scalarText(value: null | boolean | number | string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return 'Number.NaN';
  if (value === Infinity) return 'Number.POSITIVE_INFINITY';
  if (value === -Infinity) return 'Number.NEGATIVE_INFINITY';
  return Object.is(value, -0) ? '-0' : String(value);
}

function isLiteralArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

function writeArray(writer: CodeBlockWriter, items: readonly Literal[]): void {
  const scalars = items.every(
    (item) => item === null || typeof item !== 'object',
  );
  if (scalars) {
    const inline = `[${items.map((item) => scalarText(item as string)).join(', ')}]`;
    if (inline.length <= inlineWidth) {
      writer.write(inline);
      return;
    }
  }
  if (items.length === 0) {
    writer.write('[]');
    return;
  }
  writer.write('[').newLine();
  writer.indent(() => {
    for (const item of items) {
      writeLiteral(writer, item);
      writer.write(',').newLine();
    }
  });
  writer.write(']');
}

function writeObject(
  writer: CodeBlockWriter,
  record: { readonly [key: string]: Literal },
): void {
  const entries = Object.entries(record);
  const inline = inlineObject(entries);
  if (inline !== undefined) {
    writer.write(inline);
    return;
  }
  writer.write('{').newLine();
  writer.indent(() => {
    for (const [key, item] of entries) {
      writer.write(propertyText(key, item));
      if (!isShorthand(key, item)) writeLiteral(writer, item);
      writer.write(',').newLine();
    }
  });
  writer.write('}');
}

/** A short object of scalars on one line (`{ op: "end" }`), else undefined. */
function inlineObject(
  entries: readonly (readonly [string, Literal])[],
): string | undefined {
  if (entries.length === 0) return '{}';
  const parts: string[] = [];
  for (const [key, item] of entries) {
    if (item instanceof Code) {
      if (item.text.includes('\n')) return undefined;
      parts.push(`${propertyKey(key)}: ${item.text}`);
      continue;
    }
    if (item !== null && typeof item === 'object') return undefined;
    parts.push(`${propertyKey(key)}: ${scalarText(item)}`);
  }
  const text = `{ ${parts.join(', ')} }`;
  return text.length <= inlineWidth ? text : undefined;
}

/** `key: `, or just `key` for code that names the key (`journeys,`). */
function propertyText(key: string, item: Literal): string {
  return isShorthand(key, item) ? key : `${propertyKey(key)}: `;
}

function isShorthand(key: string, item: Literal): boolean {
  return item instanceof Code && item.text === key && propertyKey(key) === key;
}
