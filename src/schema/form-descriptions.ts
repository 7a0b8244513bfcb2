import {
  isSchemaObject,
  type SchemaObject,
  type SchemaRegistry,
} from './schema-registry.js';

/** What a value of a named schema definition is, in words. */
export interface FormDescription {
  /** With its article: `a duration`. */
  readonly noun: string;
  /** An example from the schema's `examples`, or an empty string. */
  readonly example: string;
  /** The description of the schema, which says how to write it. */
  readonly explanation: string;
}

/**
 * Nouns for the shared definitions whose values are text of a particular
 * form, by their title. Examples and explanations come from the schemas.
 */
const nouns: Readonly<Record<string, string>> = {
  Identifier: 'an id in lower snake case',
  AttributeTarget: 'an attribute name or a dotted path to a property',
  Duration: 'a duration',
  TimeOfDay: 'a time of day',
  CalendarDate: 'a date',
  DateTime: 'a date and time',
  Condition: 'a condition',
  TypeShorthand: 'a type name',
};

/** The description of a titled definition, when it has a noun. */
export function describeForm(node: SchemaObject): FormDescription | undefined {
  const { title, examples, description } = node;
  const noun = typeof title === 'string' ? nouns[title] : undefined;
  if (noun === undefined) return undefined;
  return {
    noun,
    example: Array.isArray(examples) ? String(examples[0]) : '',
    explanation: typeof description === 'string' ? description : '',
  };
}

/**
 * The description of the definition that carries a `pattern` or `format`,
 * such as `{ pattern: '^[0-9]+(m|h|d|w)$' }`; a plain one when no titled
 * definition carries it.
 */
export function describeConstraint(
  registry: SchemaRegistry,
  constraint: { readonly pattern: string } | { readonly format: string },
): FormDescription {
  const [keyword, value] =
    'pattern' in constraint
      ? ['pattern', constraint.pattern]
      : ['format', constraint.format];
  const found = constrainedForms(registry).get(`${keyword} ${value}`);
  return (
    found ?? {
      noun: `text of the ${keyword} ${value}`,
      example: 'the examples in docs/formats.md',
      explanation: '',
    }
  );
}

const cache = new WeakMap<SchemaRegistry, Map<string, FormDescription>>();

function constrainedForms(
  registry: SchemaRegistry,
): ReadonlyMap<string, FormDescription> {
  let forms = cache.get(registry);
  if (forms === undefined) {
    forms = collectConstrainedForms(registry);
    cache.set(registry, forms);
  }
  return forms;
}

function collectConstrainedForms(
  registry: SchemaRegistry,
): Map<string, FormDescription> {
  const forms = new Map<string, FormDescription>();
  for (const schema of registry.schemas.values()) {
    const definitions = isSchemaObject(schema.$defs) ? schema.$defs : {};
    for (const definition of Object.values(definitions)) {
      if (!isSchemaObject(definition)) continue;
      const form = describeForm(definition);
      if (form === undefined) continue;
      const { pattern, format } = definition;
      if (typeof pattern === 'string') forms.set(`pattern ${pattern}`, form);
      if (typeof format === 'string') forms.set(`format ${format}`, form);
    }
  }
  return forms;
}
