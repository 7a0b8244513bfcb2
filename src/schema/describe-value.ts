import { listWords } from './word-lists.js';

/** How a YAML value is named in messages: `"abc"`, `3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return 'a mapping';
}

const typeWords: Readonly<Record<string, string>> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

/** How JSON Schema types are named in messages: `text or a mapping`. */
export function describeTypes(types: readonly string[]): string {
  const kept = types.includes('number')
    ? types.filter((type) => type !== 'integer')
    : types;
  const words = [...new Set(kept)].map((type) => typeWords[type] ?? type);
  return listWords(words, 'or');
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}
