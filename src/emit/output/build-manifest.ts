import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../typescript/copy-sources.js';
import { readPrevious } from './write-output.js';

/** Where a build keeps what the next one needs to reuse its work. */
export const manifestFile = '.slinga-cache.json';

/** The outputs of one template id, and what they were made from. */
export interface ManifestEntry {
  /** The template set's key (see templateSetKeys in build-keys.ts). */
  readonly key: string;
  /** The paths of its outputs, relative to the output folder. */
  readonly files: readonly string[];
}

/** What a build made of each template id. */
interface BuildManifest {
  readonly version: 2;
  /** What made the outputs (see madeBy): another maker's are not reused. */
  readonly made_by: string;
  readonly templates: Readonly<Record<string, ManifestEntry>>;
}

let maker: string | undefined;

/**
 * Slinga's version, and those of the libraries that shape a template's
 * outputs (MJML and Handlebars): a template's key says what it was made
 * from, this what it was made with. Another Slinga reuses nothing.
 */
export function madeBy(): string {
  if (maker !== undefined) return maker;
  const manifest = JSON.parse(
    readFileSync(path.join(packageRoot(), 'package.json'), 'utf8'),
  ) as { version?: string; dependencies?: Record<string, string> };
  const library = (name: string): string =>
    `${name} ${manifest.dependencies?.[name] ?? '?'}`;
  maker = [
    `slinga ${manifest.version ?? '?'}`,
    library('mjml'),
    library('handlebars'),
  ].join(', ');
  return maker;
}

/** The manifest as the build writes it: sorted, so its bytes are stable. */
export function manifestText(
  templates: ReadonlyMap<string, ManifestEntry>,
): string {
  const ids = [...templates.keys()].sort();
  const manifest: BuildManifest = {
    version: 2,
    made_by: madeBy(),
    templates: Object.fromEntries(
      ids.map((id) => [id, templates.get(id) ?? { key: '', files: [] }]),
    ),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The outputs of an earlier build, by template id: those of the last build
 * of a session, held in memory, or those a build wrote to the output folder.
 */
export class PreviousOutputs {
  private constructor(
    private readonly entries: ReadonlyMap<string, ManifestEntry>,
    private readonly read: (file: string) => Promise<string | undefined>,
  ) {}

  /** None: every template is compiled. */
  static readonly none = new PreviousOutputs(new Map(), () =>
    Promise.resolve(undefined),
  );

  /** A build's outputs, as it made them. */
  static inMemory(
    entries: ReadonlyMap<string, ManifestEntry>,
    files: ReadonlyMap<string, string>,
  ): PreviousOutputs {
    return new PreviousOutputs(entries, (file) =>
      Promise.resolve(files.get(file)),
    );
  }

  /**
   * The build in `out`, as its manifest describes it; none when there is
   * no manifest of this version. The manifest is only trusted to name
   * outputs of its own template ids, inside the output folder.
   */
  static async fromFolder(out: string): Promise<PreviousOutputs> {
    const text = await readPrevious(out, manifestFile);
    const entries = new Map<string, ManifestEntry>();
    for (const [id, entry] of Object.entries(parse(text))) {
      if (isEntry(id, entry)) entries.set(id, entry);
    }
    return new PreviousOutputs(entries, (file) => readPrevious(out, file));
  }

  /** The outputs of a template id, when they were made for this key. */
  async outputs(
    id: string,
    key: string,
  ): Promise<Map<string, string> | undefined> {
    const entry = this.entries.get(id);
    if (entry?.key !== key) return undefined;
    const outputs = new Map<string, string>();
    for (const file of entry.files) {
      const content = await this.read(file);
      if (content === undefined) return undefined;
      outputs.set(file, content);
    }
    return outputs;
  }
}

/**
 * The manifest's templates; none when it is missing, not version 2, or made
 * by another version of Slinga or its libraries.
 */
function parse(text: string | undefined): Record<string, unknown> {
  try {
    const manifest = JSON.parse(text ?? '{}') as Partial<BuildManifest>;
    const { version, templates } = manifest;
    return version === 2 &&
      manifest.made_by === madeBy() &&
      typeof templates === 'object' &&
      templates !== null
      ? templates
      : {};
  } catch {
    return {};
  }
}

/** An entry naming only the outputs a template id has: see emitTemplate. */
function isEntry(id: string, entry: unknown): entry is ManifestEntry {
  const { key, files } = (entry ?? {}) as Partial<Record<string, unknown>>;
  return (
    typeof key === 'string' &&
    Array.isArray(files) &&
    files.every(
      (file) =>
        typeof file === 'string' &&
        file === path.posix.normalize(file) &&
        (file.startsWith(`templates/${id}.`) ||
          file.startsWith(`preview/${id}.`)),
    )
  );
}
