import { report } from '../diagnostics/catalogue.js';
import {
  compareDiagnostics,
  hasErrors,
  type Diagnostic,
} from '../diagnostics/diagnostic.js';
import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import { loadWorkspace } from '../loading/load-workspace.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import { defaultLimits, type LoadLimits } from '../loading/limits.js';
import type { ParsedFiles } from '../loading/parsed-files.js';
import { TimeZone } from '../runtime/time-zone.js';
import type { DocumentKind } from '../schema/document-kind.js';
import { checkTemplates } from '../templates/index.js';
import type { Journey } from '../workspace/journey.js';
import type {
  MemberModel,
  Offer,
  Segment,
  TemplateSet,
  Workspace,
} from '../workspace/workspace.js';
import { checkConditions } from './check-conditions.js';
import { checkFixtures } from './check-fixtures.js';
import { checkJourneys } from './check-journeys.js';
import {
  checkOffers,
  checkPolicy,
  isTimeZone,
} from './check-offers-and-policy.js';
import { checkSegmentCycles } from './check-segment-cycles.js';
import { collectDocuments, type DocumentsByKind } from './collect-documents.js';
import { DocumentReader } from './document-reader.js';
import { resolveFixture } from './resolve-fixture.js';
import { resolveJourney } from './resolve-journey.js';
import { resolveModel } from './resolve-model.js';
import { resolveOffer } from './resolve-offer.js';
import { resolveParameters } from './resolve-parameters.js';
import {
  defaultTimeZone,
  emptyPolicy,
  resolvePolicy,
} from './resolve-policy.js';

/** What `slinga check` finds in a workspace. */
export interface CheckResult {
  /** The resolved workspace, when it has no errors. */
  readonly workspace: Workspace | undefined;
  /** All diagnostics, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, for code frames. */
  readonly sources: SourceLookup;
  /** Every file read, sorted by path. */
  readonly files: readonly SourceFile[];
}

/**
 * Loads, validates, resolves and checks a workspace: the front end that
 * every other command stands on. With `parsed`, files whose text did not
 * change since the last check with it are not parsed again.
 */
export async function checkWorkspace(
  root: string,
  limits: LoadLimits = defaultLimits,
  parsed?: ParsedFiles,
): Promise<CheckResult> {
  const loaded = await loadWorkspace(root, limits, parsed);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const sources = sourceLookup(loaded.files);
  const byKind = collectDocuments(loaded.documents, diagnostics);
  const workspace = resolveWorkspace(
    loaded.root,
    byKind,
    loaded.templates,
    diagnostics,
  );
  diagnostics.sort(compareDiagnostics);
  return {
    workspace:
      workspace !== undefined && !hasErrors(diagnostics)
        ? workspace
        : undefined,
    diagnostics,
    sources,
    files: [...loaded.files].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

function resolveWorkspace(
  root: string,
  byKind: DocumentsByKind,
  templateFiles: readonly TemplateFile[],
  diagnostics: Diagnostic[],
): Workspace | undefined {
  const readers = (kind: DocumentKind): DocumentReader[] =>
    (byKind.get(kind) ?? []).map((document) => new DocumentReader(document));
  const model = single(readers('Model'), 'Model', diagnostics);
  if (model === undefined) {
    if (!diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(report('SL501', undefined));
    return undefined;
  }
  const policyReader = single(
    readers('ContactPolicy'),
    'ContactPolicy',
    diagnostics,
  );
  const policy =
    policyReader === undefined
      ? emptyPolicy(model.document.span)
      : resolvePolicy(policyReader);
  if (policyReader === undefined) diagnostics.push(report('SL521', undefined));
  const timeZone = new TimeZone(
    isTimeZone(policy.timeZone) ? policy.timeZone : defaultTimeZone,
  );

  const memberModel: MemberModel = resolveModel(model, diagnostics);
  const parameters = resolveParameters(
    byKind.get('Parameters') ?? [],
    timeZone,
    diagnostics,
  );
  const segments = byId(readers('Segment'), (reader) => resolveSegment(reader));
  const offers = byId(readers('Offer'), (reader): Offer =>
    resolveOffer(reader, parameters),
  );
  const journeys = byId(readers('Journey'), (reader): Journey =>
    resolveJourney(reader),
  );
  const templates = groupTemplates(templateFiles);
  const fixtures = byId(readers('Fixture'), (reader) =>
    resolveFixture(reader, memberModel, timeZone, diagnostics),
  );
  const workspace: Workspace = {
    root,
    model: memberModel,
    parameters,
    segments,
    offers,
    policy,
    journeys,
    fixtures,
    templates,
  };

  checkConditions(workspace, diagnostics);
  checkSegmentCycles(workspace.segments, diagnostics);
  checkJourneys(journeys.values(), workspace, diagnostics);
  diagnostics.push(...checkTemplates(workspace));
  checkOffers(workspace, diagnostics);
  checkPolicy(workspace, diagnostics);
  checkFixtures(workspace, diagnostics);
  return workspace;
}

function resolveSegment(reader: DocumentReader): Segment {
  const raw = reader.document.value;
  const text = (key: string): string | undefined =>
    typeof raw[key] === 'string' ? raw[key] : undefined;
  return {
    id: text('id') ?? '',
    description: text('description'),
    area: text('area'),
    group: text('group'),
    condition: reader.condition(['condition']),
    span: reader.document.span,
  };
}

function single(
  readers: readonly DocumentReader[],
  kind: DocumentKind,
  diagnostics: Diagnostic[],
): DocumentReader | undefined {
  for (const extra of readers.slice(1)) {
    const first = readers[0];
    const related =
      first === undefined
        ? []
        : [{ message: 'the first one', span: first.document.span }];
    diagnostics.push(
      report('SL502', extra.keySpan(['kind']), { kind }, { related }),
    );
  }
  return readers[0];
}

function byId<T>(
  readers: readonly DocumentReader[],
  resolve: (reader: DocumentReader) => T,
): Map<string, T> {
  return new Map(
    readers.map((reader) => [reader.document.id ?? '', resolve(reader)]),
  );
}

function groupTemplates(
  files: readonly TemplateFile[],
): Map<string, TemplateSet> {
  const sets = new Map<string, TemplateSet>();
  for (const file of files) {
    const set = sets.get(file.id) ?? { id: file.id };
    sets.set(file.id, { ...set, [file.channel]: file });
  }
  return sets;
}

function sourceLookup(list: readonly SourceFile[]): SourceLookup {
  const files = new Map(list.map((file) => [file.path, file]));
  return (path) => files.get(path);
}
