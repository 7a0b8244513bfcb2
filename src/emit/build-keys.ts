import { createHash } from 'node:crypto';
import type { SourceFile } from '../diagnostics/source-file.js';
import { frontMatterText } from '../templates/parse-template-file.js';
import { templateFingerprint } from '../templates/template-fingerprint.js';
import { templateScope } from '../templates/template-scope.js';
import {
  templateSends,
  type TemplateSend,
} from '../templates/template-sends.js';
import type { TemplateSet, Workspace } from '../workspace/workspace.js';

/*
 * What a build reuses from an earlier one is found by key: a hash of
 * everything that part of the build is made from. Equal keys, equal files.
 */

/**
 * Per template id, a hash of everything its outputs are made from: its
 * files' fingerprints (their text, path and the variables and parameters
 * they are checked and compiled against). A journey edit that leaves a
 * template's variables as they were leaves its key as it was.
 */
export function templateSetKeys(workspace: Workspace): Map<string, string> {
  let sends: Map<string, TemplateSend[]> | undefined;
  const keys = new Map<string, string>();
  for (const [id, set] of workspace.templates) {
    const known = setKeys.get(set);
    if (known !== undefined && sameBasis(known.basis, workspace)) {
      keys.set(id, known.key);
      continue;
    }
    sends ??= templateSends(workspace);
    const scope = templateScope(sends.get(id) ?? [], workspace);
    const prints = [set.email, set.sms].map((file) =>
      file === undefined ? '' : templateFingerprint(file, scope, workspace),
    );
    const key = hashOf(prints);
    setKeys.set(set, { basis: basisOf(workspace), key });
    keys.set(id, key);
  }
  return keys;
}

/**
 * The parts of a workspace a template's scope and fingerprint are made
 * from, besides its files: the sends (journeys and offers), the model, the
 * parameters and the policy's time zone.
 */
function basisOf(workspace: Workspace): readonly unknown[] {
  const { journeys, offers, model, parameters, policy } = workspace;
  return [journeys, offers, model, parameters, policy];
}

function sameBasis(basis: readonly unknown[], workspace: Workspace): boolean {
  return basisOf(workspace).every((part, index) => part === basis[index]);
}

/**
 * The key of each template set, with the workspace parts it was made from.
 * A session checks templates again on the workspace it resolved before:
 * the same objects, so an unchanged set's key is looked up, not computed.
 */
const setKeys = new WeakMap<
  TemplateSet,
  { readonly basis: readonly unknown[]; readonly key: string }
>();

/**
 * A hash of what the trigger package is made from: every YAML file, and of
 * the templates their ids, paths and front matter (the subject lines of
 * subjects.ts come from it). Not their bodies: the package renders no
 * message body, so a body edit leaves it as it was. build.test.ts holds
 * this to a fresh build after each kind of edit.
 */
export function triggerPackageKey(
  workspace: Workspace,
  files: readonly SourceFile[],
): string {
  const yaml = files
    .filter((file) => file.path.startsWith('journeys/'))
    .map(fileDigest);
  const templates = [...workspace.templates.values()].map((set) =>
    [
      set.id,
      set.email?.file.path ?? '',
      set.sms?.file.path ?? '',
      set.email === undefined ? '' : frontMatterText(set.email),
    ].join('\n'),
  );
  return hashOf([...yaml, '', ...templates]);
}

/** Digests of files by object: a session keeps its unchanged files. */
const digests = new WeakMap<SourceFile, string>();

function fileDigest(file: SourceFile): string {
  let digest = digests.get(file);
  if (digest === undefined) {
    digest = hashOf([file.path, file.text]);
    digests.set(file, digest);
  }
  return digest;
}

function hashOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}
