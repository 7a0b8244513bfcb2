import {
  isMap,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import { documentKinds } from '../schema/document-kind.js';
import type { LoadedDocument } from './loaded-document.js';
import type { LoadLimits } from './limits.js';
import { createLocate } from './yaml-locate.js';

/** The documents of one YAML file and what was wrong with them. */
export interface ParsedYamlFile {
  readonly documents: LoadedDocument[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses every document of a YAML file. A document with syntax errors,
 * duplicate keys, too many aliases or too deep nesting is reported and left
 * out; the others are returned with their positions.
 */
export function parseYamlFile(
  file: SourceFile,
  limits: LoadLimits,
): ParsedYamlFile {
  const documents: LoadedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const document of parseAllDocuments(file.text, {
    uniqueKeys: true,
    prettyErrors: false,
  })) {
    const result = loadDocument(document, file, limits);
    diagnostics.push(...result.diagnostics);
    if (result.document !== undefined) documents.push(result.document);
  }
  return { documents, diagnostics };
}

function loadDocument(
  document: Document,
  file: SourceFile,
  limits: LoadLimits,
): { document?: LoadedDocument; diagnostics: Diagnostic[] } {
  const syntax = syntaxDiagnostics(document, file);
  if (syntax.length > 0) return { diagnostics: syntax };
  const range = document.range ?? [0, file.text.length, file.text.length];
  const start = range[0];
  const where = file.span(start, start);
  if (document.contents === null) return { diagnostics: [] };

  if (nestingDepth(document.contents) > limits.maxDepth) {
    return {
      diagnostics: [report('SL105', where, { limit: limits.maxDepth })],
    };
  }

  const value = toPlainData(document, limits.maxAliasCount);
  if (value === undefined) {
    const data = { limit: limits.maxAliasCount };
    return { diagnostics: [report('SL104', where, data)] };
  }

  const locate = createLocate(document, file);
  const kind = isRecord(value) ? value['kind'] : undefined;
  if (!isRecord(value) || typeof kind !== 'string') {
    return { diagnostics: [report('SL106', where)] };
  }
  if (!(documentKinds as readonly string[]).includes(kind)) {
    const data = {
      kind,
      suggestion: didYouMean(kind, documentKinds),
      known: documentKinds.join(', '),
    };
    return { diagnostics: [report('SL107', locate(['kind']), data)] };
  }

  const id = typeof value['id'] === 'string' ? value['id'] : undefined;
  const span = file.span(range[0], range[1]);
  const loaded = { file, kind, id, value, yaml: document, locate, span };
  return { document: loaded, diagnostics: [] };
}

function syntaxDiagnostics(document: Document, file: SourceFile): Diagnostic[] {
  return document.errors.map((error) => {
    const span = file.span(error.pos[0], error.pos[1]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = file.text.slice(error.pos[0], error.pos[1]);
      return report('SL102', span, { key });
    }
    return report('SL101', span, { detail: firstLine(error.message) });
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The deepest nesting of collections, walked without recursion. */
function nestingDepth(root: Node): number {
  let deepest = 0;
  const pending: [Node, number][] = [[root, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.value !== null) pending.push([pair.value as Node, depth + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push([item as Node, depth + 1]);
    }
  }
  return deepest;
}

/** The document as plain data, or undefined when aliases expand too much. */
function toPlainData(document: Document, maxAliasCount: number): unknown {
  try {
    return document.toJS({ maxAliasCount }) as unknown;
  } catch (error) {
    if (error instanceof ReferenceError) return undefined;
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
