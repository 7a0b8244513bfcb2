import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkWorkspace } from '../src/checking/check-workspace.js';

/** Times `check` on the bundled workspace and on a generated one of 1,000 journeys. */
export async function benchCheck(): Promise<string> {
  const bundled = await repeated(() => checkWorkspace('.'), 5);
  const large = await generatedWorkspace(1_000);
  const thousand = await repeated(() => checkWorkspace(large), 3);
  return [
    `check, bundled workspace: best ${bundled.best.toFixed(0)} ms, median ${bundled.median.toFixed(0)} ms of ${bundled.runs} warm runs (${bundled.result.diagnostics.length} diagnostics; goal < 1000 ms)`,
    `check, 1,000 generated journeys: best ${thousand.best.toFixed(0)} ms, median ${thousand.median.toFixed(0)} ms of ${thousand.runs} warm runs (${thousand.result.diagnostics.length} diagnostics; goal < 5000 ms)`,
  ].join('\n');
}

/** Runs once to warm up, then `runs` more times; the best and median times. */
async function repeated<T>(
  work: () => Promise<T>,
  runs: number,
): Promise<{ best: number; median: number; runs: number; result: T }> {
  let result: T = await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const measured = await timed(work);
    times.push(measured.ms);
    result = measured.result;
  }
  times.sort((a, b) => a - b);
  const best = times[0] ?? 0;
  const median = times[Math.floor(times.length / 2)] ?? 0;
  return { best, median, runs, result };
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
