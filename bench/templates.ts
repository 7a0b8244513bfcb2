import { checkWorkspace } from '../src/checking/check-workspace.js';
import type {
  RecommendationProvider,
  RenderContext,
} from '../src/templates/index.js';
import { compileTemplates } from '../src/templates/index.js';
import { sampleProduct, sampleValue } from '../src/templates/sample-context.js';

const memberCount = 100_000;
const passes = 5;

/**
 * Times compiling every bundled template, and rendering one compiled email
 * (winback: the full MJML layout, an offer, a recommendation block) for
 * 100,000 generated members on one core: the whole email, all four parts
 * as sent (email.render), and for comparison the HTML alone and the parts
 * rendered one call each. On a shared machine other load only ever adds
 * time, so the best pass counts; the median is shown too. CPU time is the
 * process's (all threads: the garbage collector's helpers count).
 */
export async function benchTemplates(): Promise<string> {
  const checked = await checkWorkspace('.');
  const workspace = checked.workspace;
  if (workspace === undefined) return 'the bundled workspace has errors';

  await compileTemplates(workspace);
  const start = performance.now();
  const compiled = await compileTemplates(workspace);
  const compileMs = performance.now() - start;
  const email = compiled.templates.get('winback')?.email;
  if (email === undefined) return 'the winback email did not compile';

  const member = sampleValue(workspace.model.member, 'member');
  const contexts = generatedContexts(member as Record<string, unknown>);
  const whole = await rates(contexts, (context) => {
    const rendered = email.render(context);
    return (
      rendered.subject.length +
      rendered.preheader.length +
      rendered.html.length +
      rendered.text.length
    );
  });
  const html = await rates(contexts, (context) => email.html(context).length);
  const byPart = await rates(
    contexts,
    (context) =>
      email.subject(context).length +
      email.preheader(context).length +
      email.html(context).length +
      email.text(context).length,
  );
  const members = memberCount.toLocaleString('en-US');
  return [
    `compile ${compiled.templates.size} bundled templates: ${compileMs.toFixed(0)} ms (${compiled.diagnostics.length} diagnostics)`,
    `render winback emails (subject, preheader, HTML and text: email.render) for ${members} members, ${passes} passes: ${describe(whole)} (goal > 40,000/s per core)`,
    `  for comparison, HTML alone (email.html): ${describe(html)}`,
    `  for comparison, the four parts one call each: ${describe(byPart)}`,
  ].join('\n');
}

/** Recommends from a fixed list, so that the bench times the template. */
const products = Array.from({ length: 12 }, (_, index) => ({
  ...sampleProduct,
  name: `${sampleProduct.name} ${index}`,
  price: 199 + 100 * index,
}));
const recommendations: RecommendationProvider = {
  products: (_provider, _member, count) => products.slice(0, count),
};

const firstNames = ['Anna', 'Erik', 'Åsa', 'Märta', 'Karl-Johan', '<b>Bo</b>'];
const stores = ['Stockholm City', 'Göteborg Nordstan', 'Malmö', 'Uppsala'];

function generatedContexts(base: Record<string, unknown>): RenderContext[] {
  return Array.from({ length: memberCount }, (_, index) => ({
    member: {
      ...base,
      id: `M${index}`,
      first_name: index % 7 === 0 ? undefined : firstNames[index % 6],
      store: stores[index % 4],
    },
    offer: {
      percent: 25,
      code: `WB-${index.toString(36).toUpperCase()}`,
      expires_at: Date.UTC(2025, 2, 1) + (index % 90) * 86_400_000,
    },
    params: {},
    unsubscribe_url: `https://example.com/avregistrera/${index}`,
    recommendations,
  }));
}

interface Rates {
  /** Renders a second of wall-clock time, per pass. */
  readonly wall: number[];
  /**
   * Renders a second of CPU time, per pass: on a machine shared with other
   * work the process waits for a core, and CPU time leaves that wait out.
   */
  readonly cpu: number[];
}

/** Renders every context once per pass, after a warm-up. */
async function rates(
  contexts: readonly RenderContext[],
  render: (context: RenderContext) => number,
): Promise<Rates> {
  let characters = 0;
  for (const context of contexts.slice(0, 2_000)) characters += render(context);
  const found: Rates = { wall: [], cpu: [] };
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (const context of contexts) characters += render(context);
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    found.wall.push(contexts.length / ((performance.now() - start) / 1_000));
    found.cpu.push(contexts.length / cpuSeconds);
    // Let other work run between passes, as a long benchmark should.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (characters === 0) throw new Error('the template rendered nothing');
  return found;
}

function describe(rates: Rates): string {
  const best = (values: readonly number[]): number => Math.max(...values);
  const median = (values: readonly number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const perSecond = (rate: number): string =>
    `${Math.round(rate).toLocaleString('en-US')}/s`;
  return (
    `per CPU second best ${perSecond(best(rates.cpu))}, median ${perSecond(median(rates.cpu))}; ` +
    `wall best ${perSecond(best(rates.wall))} (${(1e6 / best(rates.wall)).toFixed(1)} µs an email), ` +
    `median ${perSecond(median(rates.wall))}`
  );
}
