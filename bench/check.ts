import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkWorkspace } from '../src/checking/check-workspace.js';

/** Times `check` on the bundled workspace and on a generated one of 1,000 journeys. */
export async function benchCheck(): Promise<string> {
  await checkWorkspace('.');
  const bundled = await timed(() => checkWorkspace('.'));
  const large = await generatedWorkspace(1_000);
  await checkWorkspace(large);
  const thousand = await timed(() => checkWorkspace(large));
  return [
    `check, bundled workspace: ${bundled.ms.toFixed(0)} ms (${bundled.result.diagnostics.length} diagnostics; goal < 1000 ms)`,
    `check, 1,000 generated journeys: ${thousand.ms.toFixed(0)} ms (${thousand.result.diagnostics.length} diagnostics; goal < 5000 ms)`,
  ].join('\n');
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** The bundled workspace plus `count` generated journeys, in a temporary folder. */
async function generatedWorkspace(count: number): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-bench-'));
  await cp('journeys', path.join(folder, 'journeys'), { recursive: true });
  await cp('templates', path.join(folder, 'templates'), { recursive: true });
  await mkdir(path.join(folder, 'journeys', 'generated'));
  for (let index = 0; index < count; index++) {
    const journey = [
      'kind: Journey',
      `id: generated_${index}`,
      'category: lifecycle',
      'entry:',
      '  schedule: { every: day, at: "10:00" }',
      `  audience: has(member.last_purchase_at) and days_since(member.last_purchase_at) > ${30 + (index % 300)} and member.consent.email`,
      'goal:',
      '  event: purchase',
      '  within: 14d',
      'steps:',
      '  - send: { channel: email, template: winback, offer: winback_25 }',
      '  - wait: 3d',
      '  - branch:',
      '      when: count(member.purchases where item.area == "beauty") > 2',
      '      then:',
      '        - send: { channel: email, template: second_purchase_home }',
      '',
    ].join('\n');
    await writeFile(
      path.join(folder, 'journeys', 'generated', `generated_${index}.yaml`),
      journey,
    );
  }
  return folder;
}
