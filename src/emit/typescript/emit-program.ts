import { StructureKind } from 'ts-morph';
import {
  purchaseEventName,
  rankJourneys,
} from '../../simulation/build-program.js';
import type { Condition } from '../../workspace/condition.js';
import {
  describeOffer,
  describePolicy,
  describeRetainedLists,
} from '../../simulation/program-data.js';
import type {
  EventType,
  MemberModel,
  Workspace,
} from '../../workspace/workspace.js';
import { retentionOf } from '../../language/types.js';
import type { ConditionTable } from './collect-conditions.js';
import {
  constant,
  fileHeader,
  generatedFile,
  type Statement,
} from './generated-file.js';
import { journeyLiteral } from './journey-literal.js';
import { code, Wrapped, type Literal } from './literal-writer.js';
import { propertyKey } from './identifiers.js';
import { compareText, sortedByKey } from './ordering.js';

/**
 * program.ts: the Program of src/runtime/program.ts as typed data, built as
 * buildProgram builds it (the same ranks, instruction order and jump
 * targets), with references to conditions.ts where it holds functions.
 */
export function emitProgram(
  workspace: Workspace,
  table: ConditionTable,
): string {
  const ref = (condition: Condition): Literal =>
    code(`conditions.${table.nameOf(condition)}`);
  const effects = [...workspace.model.events.values()].flatMap(
    (event) => event.effects,
  );
  const hasAppends = effects.some((effect) => effect.kind === 'append');
  const setsProperties = effects.some(
    (effect) => effect.kind === 'update' && effect.attribute.includes('.'),
  );

  const data: Statement[] = [
    ...imports,
    ...memberChanges([
      ...(setsProperties ? ['assignAttribute'] : []),
      ...(hasAppends ? ['appendItem'] : []),
    ]),
    constant({
      name: 'journeys',
      type: 'readonly ProgramJourney[]',
      docs: [
        'The journeys in priority order: when sends compete, the first wins.',
        `The contact policy lists ${priorityList(workspace)}; the others`,
        'follow, transactional before event-driven before lifecycle, by id.',
      ],
      value: rankJourneys(workspace).map((journey, index) =>
        journeyLiteral(journey, index, ref),
      ),
    }),
    constant({
      name: 'offers',
      type: 'ReadonlyMap<string, ProgramOffer>',
      docs: ['The offers, by id.'],
      value: new Wrapped(
        'new Map<string, ProgramOffer>(',
        sortedByKey(workspace.offers).map((offer) => [
          offer.id,
          { ...describeOffer(offer) },
        ]),
        ')',
      ),
    }),
    constant({
      name: 'policy',
      type: 'ProgramPolicy',
      docs: ['The contact policy.'],
      value: { ...describePolicy(workspace.policy, ref) },
    }),
    constant({
      name: 'params',
      type: 'Record<string, unknown>',
      docs: ['The parameters, in runtime form.'],
      value: Object.fromEntries(
        sortedByKey(workspace.parameters).map((parameter) => [
          parameter.name,
          dataLiteral(parameter.value),
        ]),
      ),
    }),
    constant({
      name: 'eventEffects',
      type: 'ReadonlyMap<string, EventEffect>',
      docs: ['What events do to their member before journeys see them.'],
      value: new Wrapped(
        'new Map<string, EventEffect>(',
        sortedByKey(workspace.model.events)
          .filter((event) => event.effects.length > 0)
          .map((event) => [
            event.name,
            effectLiteral(event, workspace.model, table),
          ]),
        ')',
      ),
    }),
  ];
  const header = fileHeader(
    'The workspace compiled for the journey engine.',
    programSources(workspace),
  );
  const exports: Statement[] = [
    constant({
      name: 'program',
      type: 'Program',
      docs: ['The workspace, compiled for the journey engine.'],
      exported: true,
      value: {
        timeZone: code(
          `new TimeZone(${JSON.stringify(workspace.policy.timeZone)})`,
        ),
        journeys: code('journeys'),
        offers: code('offers'),
        policy: code('policy'),
        params: code('params'),
        segments: segmentsLiteral(workspace, table),
        templates: new Wrapped(
          'new Set<string>(',
          templateKeys(workspace),
          ')',
        ),
        purchaseEvent: purchaseEventName,
        eventEffects: code('eventEffects'),
        retainedLists: describeRetainedLists(workspace.model).map((list) => ({
          ...list,
          retention: { ...list.retention },
        })),
      },
    }),
  ];
  return generatedFile('program.ts', header, [...data, ...exports]);
}

const imports: readonly Statement[] = [
  {
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    namedImports: ['ConditionContext'],
    moduleSpecifier: './runtime/condition-context.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    namedImports: [
      'EventEffect',
      'Program',
      'ProgramJourney',
      'ProgramOffer',
      'ProgramPolicy',
    ],
    moduleSpecifier: './runtime/program.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['TimeZone'],
    moduleSpecifier: './runtime/time-zone.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namespaceImport: 'conditions',
    moduleSpecifier: './conditions.js',
  },
];

/** The import of the runtime's functions that change members, if any. */
function memberChanges(names: readonly string[]): Statement[] {
  if (names.length === 0) return [];
  return [
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: [...names],
      moduleSpecifier: './runtime/assign-attribute.js',
    },
  ];
}

/**
 * Segments as buildProgram wraps them: true only for `true`. The parameter
 * is typed: a segment named `constructor` would take Object's `constructor`
 * as its contextual type.
 */
function segmentsLiteral(workspace: Workspace, table: ConditionTable): Literal {
  return Object.fromEntries(
    sortedByKey(workspace.segments).map((segment) => [
      segment.id,
      code(
        `(c: ConditionContext) => conditions.${table.nameOf(segment.condition)}(c) === true`,
      ),
    ]),
  );
}

/** An event's updates and appends, in the order written, as one function. */
function effectLiteral(
  event: EventType,
  model: MemberModel,
  table: ConditionTable,
): Literal {
  const lines = event.effects.map((effect) => {
    const attribute = JSON.stringify(effect.attribute);
    if (effect.kind === 'update') {
      const value = `conditions.${table.nameOf(effect.value)}(c)`;
      return effect.attribute.includes('.')
        ? `assignAttribute(c.member, ${attribute}, ${value});`
        : `c.member[${attribute}] = ${value};`;
    }
    const fields = effect.fields.map(
      (field) =>
        `${propertyKey(field.name)}: conditions.${table.nameOf(field.value)}(c),`,
    );
    const retention = retentionOf(model.attributes.get(effect.attribute)?.type);
    const kept =
      retention === undefined
        ? 'null'
        : `{ by: ${JSON.stringify(retention.by)}, days: ${retention.days} }`;
    return [
      `appendItem(c.member, ${attribute}, {`,
      ...fields.map((line) => `  ${line}`),
      `}, ${kept}, c.now);`,
    ].join('\n');
  });
  const body = lines.join('\n').replace(/^/gm, '  ');
  return code(`(c) => {\n${body}\n}`);
}

function priorityList(workspace: Workspace): string {
  const listed = workspace.policy.priorities;
  return listed.length === 0 ? 'no journeys' : listed.join(', ');
}

function templateKeys(workspace: Workspace): Literal {
  const keys = [...workspace.templates.values()].flatMap((set) => [
    ...(set.email === undefined ? [] : [`email:${set.id}`]),
    ...(set.sms === undefined ? [] : [`sms:${set.id}`]),
  ]);
  return keys.sort(compareText);
}

/** A runtime value (a parameter) as a literal. */
function dataLiteral(value: unknown): Literal {
  if (value === undefined) return code('undefined');
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (Array.isArray(value))
    return value.map((item: unknown) => dataLiteral(item));
  if (
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, dataLiteral(item)]),
    );
  }
  throw new Error(`a parameter value that is no data: a ${typeof value}`);
}

/** The workspace files the program comes from. */
export function programSources(workspace: Workspace): string[] {
  return [
    workspace.model.span.file,
    workspace.policy.span.file,
    ...[...workspace.journeys.values()].map((journey) => journey.span.file),
    ...[...workspace.offers.values()].map((offer) => offer.span.file),
    ...[...workspace.segments.values()].map((segment) => segment.span.file),
    ...[...workspace.parameters.values()].map(
      (parameter) => parameter.span.file,
    ),
    ...[...workspace.templates.values()].flatMap((set) => [
      ...(set.email === undefined ? [] : [set.email.file.path]),
      ...(set.sms === undefined ? [] : [set.sms.file.path]),
    ]),
  ];
}
