import { StructureKind } from 'ts-morph';
import type { Workspace } from '../../workspace/workspace.js';
import {
  constant,
  fileHeader,
  generatedFile,
  type Statement,
} from './generated-file.js';
import { commentText } from './identifiers.js';
import { code } from './literal-writer.js';

/** How to run the trigger code: main.ts's opening comment and the README's core. */
export const runningGuide = [
  'Command line, after `npm install && npm run build`:',
  '',
  '    node dist/main.js --members members.ndjson --events events.ndjson \\',
  '      --from 2025-03-01 --days 7 --state state.ndjson > decisions.ndjson',
  '',
  'Members: one JSON object a line, with the attributes of the Model (see',
  'model.ts): dates as YYYY-MM-DD, datetimes as ISO 8601 (local to the',
  "contact policy's time zone without an offset) or epoch milliseconds,",
  'durations as 7d or milliseconds, absent optional attributes as null.',
  '',
  'Events: one JSON object a line, {"member": id, "type": event type,',
  '"at": ISO 8601 or epoch milliseconds, "payload": {...}}.',
  '',
  'Decisions: one JSON object a line, in the order the engine makes them:',
  '{at, member, journey, step, channel, template, offer, offerCode, outcome,',
  'rule, subject}; outcome is sent, held_back or deferred, rule the contact',
  'rule behind a held-back or deferred send. subject is the subject line of',
  'an email sent, rendered as Slinga renders it (subjects.ts), with the',
  "member as the journeys see it then, the sending journey's entry event,",
  'the offer the email is about (the one its send issued, or the one a',
  'reminder reminds of) and the parameters. The trigger code knows no',
  'links: unsubscribe_url and preferences_url are empty, and without a',
  'provider (see below) `recommendations` gives no products. An SMS has no',
  'subject, nor has a message that was not sent: null.',
  '',
  'State: without --state every run starts from nothing and keeps its',
  'journey state in memory. With --state FILE, a run loads the state when',
  'the file exists and saves it when done, so the next run (whose --from',
  'defaults to the day after) continues every wait, offer and cap window,',
  'deciding exactly what one longer run would. The file holds, as JSON',
  'lines, every member as the journeys changed it and the journey state',
  'where the run stopped; its size follows the members, not the days run.',
  'Members whose line changed since the last run take their new attributes',
  'from the first day of the run. A file made by other journeys (another',
  'program fingerprint, after a change to the journeys) is refused, unless',
  '--upgrade-state: then members go on in the journeys whose steps did not',
  'change and leave the others, and entries, cap windows, offers and events',
  'carry over.',
  '',
  'From code: runTriggers({ members, events, from, days, state, onSend,',
  'renderSubject, recommendations }) runs the same way. recommendations is',
  'the product source of the `recommendations` helper; renderSubject(template,',
  'context), when given, fills in `subject` for every message sent, email or',
  "SMS, instead of the templates' subject lines (context carries the member,",
  'the entry event and the offer values).',
  '',
  'Subjects render with Handlebars, the one dependency: install it with',
  '`npm install`.',
];

/**
 * main.ts: the documented entry. It binds the generic runner to this
 * workspace's program and model, exports runTriggers, and runs the command
 * line when started by node.
 */
export function emitMain(workspace: Workspace): string {
  const statements: Statement[] = [
    ...imports,
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      namedExports: [
        'InputProblem',
        'RenderSubject',
        'SendLine',
        'SubjectContext',
        'TriggerOptions',
        'TriggerResult',
      ],
      moduleSpecifier: './runner/run-triggers.js',
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      namedExports: ['Product', 'RecommendationProvider'],
      moduleSpecifier: './templates/template-helpers.js',
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      namedExports: ['TriggerState'],
      moduleSpecifier: './runner/trigger-state.js',
    },
    constant({
      name: 'triggerCode',
      type: 'TriggerCode',
      docs: [
        'The program, the Model as the runner reads input with it, and the',
        'subject lines.',
      ],
      value: {
        program: code('program'),
        model: { member: code('memberShape'), events: code('eventShapes') },
        fingerprint: code('programFingerprint'),
        subjects: code('subjectTemplates'),
      },
    }),
    {
      kind: StructureKind.Function,
      name: 'runTriggers',
      isExported: true,
      docs: [
        [
          'Runs the journeys over members and events for some days, continuing',
          '`options.state` when given, and reports each send decision to',
          '`options.onSend`, with the subject of every email sent (or what',
          "`renderSubject` gives, when given). The result's `state` is the",
          'snapshot to continue from.',
        ].join('\n'),
      ],
      parameters: [{ name: 'options', type: 'TriggerOptions<Member>' }],
      returnType: 'TriggerResult',
      statements: ['return runTriggerProgram(triggerCode, options);'],
    },
    {
      kind: StructureKind.Function,
      name: 'isEntryPoint',
      docs: ['True when node started this file, false when it is imported.'],
      returnType: 'boolean',
      statements: [
        'const script = process.argv[1];',
        'return (',
        '  script !== undefined && import.meta.url === pathToFileURL(script).href',
        ');',
      ],
    },
    [
      'if (isEntryPoint()) {',
      '  process.exitCode = await runCommandLine(',
      '    process.argv.slice(2),',
      '    { fingerprint: programFingerprint, run: runTriggers },',
      '    { stdout: process.stdout, stderr: process.stderr },',
      '  );',
      '}',
    ].join('\n'),
  ];
  const header = fileHeader('The entry of the trigger code.', []);
  return generatedFile(
    'main.ts',
    `${header}\n${moduleDoc(workspace)}`,
    statements,
  );
}

const imports: readonly Statement[] = [
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['pathToFileURL'],
    moduleSpecifier: 'node:url',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['eventShapes', 'memberShape', 'type Member'],
    moduleSpecifier: './model.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['programFingerprint'],
    moduleSpecifier: './fingerprint.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['program'],
    moduleSpecifier: './program.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['runCommandLine'],
    moduleSpecifier: './runner/command-line.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: [
      'runTriggerProgram',
      'type TriggerCode',
      'type TriggerOptions',
      'type TriggerResult',
    ],
    moduleSpecifier: './runner/run-triggers.js',
  },
  {
    kind: StructureKind.ImportDeclaration,
    namedImports: ['subjectTemplates'],
    moduleSpecifier: './subjects.js',
  },
];

function moduleDoc(workspace: Workspace): string {
  return [
    '/**',
    ` * The trigger code of Model ${commentText(workspace.model.id)}: runs its journeys day by`,
    ' * day over members and events, on the engine the simulator runs, and',
    ' * writes every send decision.',
    ' *',
    ...runningGuide.map((line) => (line === '' ? ' *' : ` * ${line}`)),
    ' */',
    '',
  ].join('\n');
}
