/** The JSON Schema type names of YAML values after loading. */
export type JsonType =
  'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

/** The type of a value; whole numbers are `integer`. */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return 'object';
}

/** True when a value has one of the types (an integer is also a number). */
export function typeAccepts(types: readonly string[], value: unknown): boolean {
  const type = jsonTypeOf(value);
  if (types.includes(type)) return true;
  return type === 'integer' && types.includes('number');
}
