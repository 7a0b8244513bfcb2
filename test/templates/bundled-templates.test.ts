import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { compileTemplates } from '../../src/templates/index.js';

const repositoryRoot = path.join(import.meta.dirname, '..', '..');

describe('the bundled templates', () => {
  test('check without any diagnostic and all compile', async () => {
    const checked = await checkWorkspace(repositoryRoot);
    const templateFindings = checked.diagnostics.filter(
      (diagnostic) => diagnostic.span?.file.startsWith('templates/') ?? false,
    );
    expect(templateFindings).toEqual([]);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual(
      [],
    );

    const workspace = checked.workspace;
    if (workspace === undefined) throw new Error('the workspace has errors');
    const compiled = await compileTemplates(workspace);
    expect(compiled.diagnostics).toEqual([]);
    const files = [...workspace.templates.values()].flatMap((set) =>
      [set.email, set.sms].filter((file) => file !== undefined),
    );
    const compiledFiles = [...compiled.templates.values()].flatMap((set) =>
      [set.email, set.sms].filter((channel) => channel !== undefined),
    );
    expect(compiledFiles.length).toBe(files.length);
  });
});
