// Benchmarks: `npm run bench [name]`. Timings live here, never in the tests.
import { benchBuild } from './build.js';
import { benchCheck } from './check.js';
import { benchConditions } from './conditions.js';
import { benchEmit } from './emit.js';
import { benchPopulation } from './population.js';
import { benchTemplates } from './templates.js';
import { benchTriggerState } from './trigger-state.js';
import { benchWatch } from './watch.js';

const sections: [string, () => Promise<string>][] = [
  ['check', benchCheck],
  ['compiled conditions', benchConditions],
  ['templates', benchTemplates],
  ['typescript emitter', benchEmit],
  ['trigger state', benchTriggerState],
  ['build', benchBuild],
  ['watch preview', benchWatch],
  ['population simulation', benchPopulation],
];

const only = process.argv[2];
for (const [name, bench] of sections) {
  if (only !== undefined && !name.includes(only)) continue;
  console.log(`## ${name}`);
  console.log(await bench());
  console.log('');
}
