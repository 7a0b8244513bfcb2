// Benchmarks: `npm run bench [name]`. Timings live here, never in the tests.
import { benchCheck } from './check.js';
import { benchConditions } from './conditions.js';
import { benchPopulation } from './population.js';
import { benchTemplates } from './templates.js';

const sections: [string, () => Promise<string>][] = [
  ['check', benchCheck],
  ['compiled conditions', benchConditions],
  ['templates', benchTemplates],
  ['population simulation', benchPopulation],
];

const only = process.argv[2];
for (const [name, bench] of sections) {
  if (only !== undefined && !name.includes(only)) continue;
  console.log(`## ${name}`);
  console.log(await bench());
  console.log('');
}
