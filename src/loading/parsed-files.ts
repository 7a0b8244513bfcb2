import type { SourceFile } from '../diagnostics/source-file.js';
import type { TemplateFile } from './loaded-document.js';
import type { LoadLimits } from './limits.js';
import { parseYamlFile, type ParsedYamlFile } from './parse-yaml-file.js';

/**
 * The files of a workspace's last load, parsed, to load it again: a YAML
 * file whose text did not change keeps its parsed documents (parsing YAML
 * is the slowest part of loading), a template file its object (whatever
 * was worked out for it, such as its analysis, stays with it). Compared by
 * text, never by time. Holds one load's files: those of the load before
 * are let go.
 */
export class ParsedFiles {
  private yaml = new Map<
    string,
    { file: SourceFile; parsed: ParsedYamlFile }
  >();
  private nextYaml = new Map<
    string,
    { file: SourceFile; parsed: ParsedYamlFile }
  >();
  private templates = new Map<string, TemplateFile>();
  private nextTemplates = new Map<string, TemplateFile>();

  /** Every load with the same cache must use the same limits. */
  constructor(private readonly limits: LoadLimits) {}

  /** A YAML file read now, parsed or as parsed before. */
  yamlFile(read: SourceFile): { file: SourceFile; parsed: ParsedYamlFile } {
    const before = this.yaml.get(read.path);
    const entry =
      before?.file.text === read.text
        ? before
        : { file: read, parsed: parseYamlFile(read, this.limits) };
    this.nextYaml.set(read.path, entry);
    return entry;
  }

  /** A template file read now, or the same file as read before. */
  templateFile(read: TemplateFile): TemplateFile {
    const before = this.templates.get(read.file.path);
    const same =
      before !== undefined &&
      before.file.text === read.file.text &&
      before.id === read.id &&
      before.channel === read.channel;
    const template = same ? before : read;
    this.nextTemplates.set(read.file.path, template);
    return template;
  }

  /** Ends a load: what it did not read is let go. */
  loaded(): void {
    this.yaml = this.nextYaml;
    this.nextYaml = new Map();
    this.templates = this.nextTemplates;
    this.nextTemplates = new Map();
  }
}
