import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWorkspace } from '../src/emit/build-workspace.js';
import { writeOutput } from '../src/emit/output/write-output.js';

/** Times a cold build of the bundled workspace and a rebuild after one template changes. */
export async function benchBuild(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-build-'));
  await cp('journeys', path.join(folder, 'journeys'), { recursive: true });
  await cp('templates', path.join(folder, 'templates'), { recursive: true });
  const out = path.join(folder, 'dist');

  const cold = await timed(async () => {
    const result = await buildWorkspace(folder, out);
    await writeOutput(out, result.files);
    return result;
  });
  const template = path.join(folder, 'templates', 'winback.mjml');
  const text = await readFile(template, 'utf8');
  await writeFile(
    template,
    text.replace(
      '</mj-body>',
      '<mj-section><mj-column><mj-text>Ny rad</mj-text></mj-column></mj-section></mj-body>',
    ),
  );
  const warm = await timed(async () => {
    const result = await buildWorkspace(folder, out);
    await writeOutput(out, result.files);
    return result;
  });
  return [
    `cold build, bundled workspace: ${cold.ms.toFixed(0)} ms (${cold.result.files.size} files, ${cold.result.compiled.length} templates compiled; goal < 3000 ms)`,
    `rebuild after one template changed: ${warm.ms.toFixed(0)} ms (${warm.result.compiled.length} compiled, ${warm.result.reused.length} reused; goal < 200 ms)`,
  ].join('\n');
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}
