import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
} from 'ts-morph';
import type { Type } from '../../language/types.js';
import { assertNever } from '../../support/assert-never.js';
import type { Field, Workspace } from '../../workspace/workspace.js';
import {
  constant,
  fileHeader,
  generatedFile,
  type Statement,
} from './generated-file.js';
import {
  commentText,
  pascalIdentifier,
  typePropertyName,
  UniqueNames,
} from './identifiers.js';
import { scalarText, Wrapped, type Literal } from './literal-writer.js';
import { sortedByKey } from './ordering.js';

/** Type aliases that say what a number means; declared first in model.ts. */
const numberAliases: readonly (readonly [string, string])[] = [
  [
    'DayNumber',
    'A date: days since 1970-01-01, a calendar day with no time zone.',
  ],
  ['EpochMilliseconds', 'An instant: milliseconds since 1970-01-01T00:00:00Z.'],
  ['Milliseconds', 'A duration in milliseconds.'],
  ['Money', 'An amount of money, in SEK.'],
];

/**
 * model.ts: the member and the events as TypeScript types, in the runtime
 * form the engine and conditions read (see src/language/types.ts), and the
 * shapes the runner converts JSON input with.
 */
export function emitModel(workspace: Workspace): string {
  const { model } = workspace;
  const types = new ModelTypes([
    ...numberAliases.map(([name]) => name),
    'Member',
    'SlingaEvent',
    'ObjectShape',
    'memberShape',
    'eventShapes',
  ]);
  const member = types.objectInterface(
    'Member',
    [...model.attributes.values()],
    `A member of Model ${model.id}, with attributes in their runtime form.`,
  );
  const events = sortedByKey(model.events).map((event) =>
    types.eventInterface(
      event.name,
      [...event.fields.values()],
      event.description,
    ),
  );

  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['ObjectShape'],
      moduleSpecifier: './runner/value-shape.js',
    },
    ...numberAliases.map(([name, description]): Statement => ({
      kind: StructureKind.TypeAlias,
      name,
      type: 'number',
      isExported: true,
      docs: [description],
    })),
    member,
    ...types.nested,
    ...events.map(({ structure }) => structure),
    {
      kind: StructureKind.TypeAlias,
      name: 'SlingaEvent',
      isExported: true,
      docs: ['Every event of the Model.'],
      type:
        events.length === 0
          ? 'never'
          : events.map(({ name }) => name).join(' | '),
    },
    constant({
      name: 'memberShape',
      type: 'ObjectShape',
      docs: ["The member's attributes, for reading members from JSON."],
      exported: true,
      value: objectShape(typesOf(model.attributes)),
    }),
    constant({
      name: 'eventShapes',
      type: 'ReadonlyMap<string, ObjectShape>',
      docs: ["Each event type's payload, for reading events from JSON."],
      exported: true,
      value: eventShapesLiteral(workspace),
    }),
  ];
  const header = fileHeader(
    `The member and event types of Model ${model.id}.`,
    [model.span.file],
  );
  return generatedFile('model.ts', header, statements);
}

/** Writes TypeScript types for Model types, naming nested object types. */
class ModelTypes {
  /** Interfaces of nested objects, in the order they were met. */
  readonly nested: InterfaceDeclarationStructure[] = [];
  private readonly names: UniqueNames;

  constructor(reserved: readonly string[]) {
    this.names = new UniqueNames(reserved);
  }

  objectInterface(
    name: string,
    fields: readonly Field[],
    description: string,
  ): InterfaceDeclarationStructure {
    return {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs: [commentText(description)],
      properties: fields.map((field) =>
        this.property(
          field.name,
          field.type,
          [name, field.name],
          field.description,
        ),
      ),
    };
  }

  eventInterface(
    event: string,
    fields: readonly Field[],
    description: string | undefined,
  ): { name: string; structure: InterfaceDeclarationStructure } {
    const name = this.names.take(pascalIdentifier([event, 'event']));
    const payload = fields.filter(
      (field) => field.name !== 'at' && field.name !== 'type',
    );
    const structure: InterfaceDeclarationStructure = {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs: [commentText(description ?? `The event ${event}.`)],
      properties: [
        { name: 'type', type: scalarText(event), isReadonly: true },
        { name: 'at', type: 'EpochMilliseconds', isReadonly: true },
        ...payload.map((field) =>
          this.property(
            field.name,
            field.type,
            [name, field.name],
            field.description,
          ),
        ),
      ],
    };
    return { name, structure };
  }

  private property(
    name: string,
    type: Type,
    path: readonly string[],
    description: string | undefined,
  ): OptionalKind<PropertySignatureStructure> {
    return {
      name: typePropertyName(name),
      type: this.typeText(type, path),
      ...(description === undefined
        ? {}
        : { docs: [commentText(description)] }),
    };
  }

  /** The TypeScript type of a Model type; `path` names nested objects. */
  typeText(type: Type, path: readonly string[]): string {
    switch (type.kind) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'money':
        return 'Money';
      case 'date':
        return 'DayNumber';
      case 'datetime':
        return 'EpochMilliseconds';
      case 'duration':
        return 'Milliseconds';
      case 'enum':
        return type.values.length === 0
          ? 'never'
          : type.values.map((value) => scalarText(value)).join(' | ');
      case 'list': {
        const item = this.typeText(type.item, [...path, 'item']);
        return item.includes('|') ? `(${item})[]` : `${item}[]`;
      }
      case 'optional':
        return `${this.typeText(type.inner, path)} | null`;
      case 'object':
        return this.nestedInterface(type.properties, path);
      case 'error':
        return 'unknown';
      default:
        return assertNever(type);
    }
  }

  private nestedInterface(
    properties: ReadonlyMap<string, Type>,
    path: readonly string[],
  ): string {
    const name = this.names.take(pascalIdentifier(path));
    const structure: InterfaceDeclarationStructure = {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      properties: [],
    };
    this.nested.push(structure);
    structure.properties = [...properties].map(([property, type]) =>
      this.property(property, type, [name, property], undefined),
    );
    return name;
  }
}

function objectShape(properties: ReadonlyMap<string, Type>): Literal {
  const entries = [...properties].map(([name, type]): Literal => [
    name,
    shapeLiteral(type),
  ]);
  return { kind: 'object', properties: entries };
}

function typesOf(fields: ReadonlyMap<string, Field>): Map<string, Type> {
  return new Map([...fields].map(([name, field]) => [name, field.type]));
}

/** A Model type as a ValueShape literal. */
function shapeLiteral(type: Type): Literal {
  switch (type.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'money':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
      return { kind: type.kind };
    case 'enum':
      return { kind: 'enum', values: [...type.values] };
    case 'list':
      return { kind: 'list', item: shapeLiteral(type.item) };
    case 'optional':
      return { kind: 'optional', inner: shapeLiteral(type.inner) };
    case 'object':
      return objectShape(type.properties);
    case 'error':
      throw new Error('the workspace has type errors: check it first');
    default:
      return assertNever(type);
  }
}

function eventShapesLiteral(workspace: Workspace): Literal {
  const entries = sortedByKey(workspace.model.events).map((event): Literal => {
    const payload = [...event.fields].filter(
      ([name]) => name !== 'at' && name !== 'type',
    );
    return [event.name, objectShape(typesOf(new Map(payload)))];
  });
  return new Wrapped('new Map<string, ObjectShape>(', entries, ')');
}
