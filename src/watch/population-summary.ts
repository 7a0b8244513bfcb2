/** How many messages members got in a week, from a population run. */
export interface PressureSummary {
  /** Share of member-weeks per count of messages: `0` … `4`, `5+`. */
  readonly histogram: readonly { bucket: string; share: number }[];
  readonly meanPerWeek: number;
  /** The count of messages a week above which a member is over-contacted. */
  readonly limit: number;
  /** The share of member-weeks over the limit. */
  readonly overLimit: number;
  readonly maxPerWeek: number;
  readonly weeks: number;
  readonly daysCovered: number;
}

/** One journey's line of a population run. */
export interface JourneySummary {
  readonly id: string;
  readonly entries: number;
  readonly sent: number;
  readonly heldBack: number;
  readonly deferred: number;
}

/** The part of a population report (version 1) that the preview shows. */
export interface PopulationSummary {
  readonly seed: number;
  readonly startDate: string;
  readonly days: number;
  readonly members: number;
  readonly pressure: {
    readonly all: PressureSummary;
    readonly marketing: PressureSummary;
  };
  readonly journeys: readonly JourneySummary[];
}

type Json = Readonly<Record<string, unknown>>;

/**
 * Reads the JSON of `slinga simulate --format json` (see
 * formatPopulationJson). Returns undefined when it is not such a report.
 */
export function parsePopulationJson(
  text: string,
): PopulationSummary | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(document) || document['version'] !== 1) return undefined;
  const pressure = objectAt(document, 'pressure');
  const all = pressureSummary(objectAt(pressure, 'all'));
  const marketing = pressureSummary(objectAt(pressure, 'marketing'));
  const journeys = document['journeys'];
  if (all === undefined || marketing === undefined || !Array.isArray(journeys))
    return undefined;
  return {
    seed: numberAt(document, 'seed'),
    startDate: String(document['startDate']),
    days: numberAt(document, 'days'),
    members: numberAt(objectAt(document, 'members'), 'start'),
    pressure: { all, marketing },
    journeys: journeys.filter(isObject).map(journeySummary),
  };
}

function pressureSummary(pressure: Json): PressureSummary | undefined {
  const histogram = objectAt(pressure, 'histogram');
  const buckets = Object.entries(histogram).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  if (buckets.length === 0) return undefined;
  return {
    histogram: buckets.map(([bucket, share]) => ({ bucket, share })),
    meanPerWeek: numberAt(pressure, 'meanPerWeek'),
    limit: numberAt(pressure, 'limit'),
    overLimit: numberAt(pressure, 'overLimit'),
    maxPerWeek: numberAt(pressure, 'maxPerWeek'),
    weeks: numberAt(pressure, 'weeks'),
    daysCovered: numberAt(pressure, 'daysCovered'),
  };
}

function journeySummary(journey: Json): JourneySummary {
  const sent = objectAt(journey, 'sent');
  return {
    id: String(journey['id']),
    entries: numberAt(journey, 'entries'),
    sent: numberAt(sent, 'email') + numberAt(sent, 'sms'),
    heldBack: total(objectAt(journey, 'heldBack')),
    deferred: total(objectAt(journey, 'deferred')),
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: Json, key: string): Json {
  const found = value[key];
  return isObject(found) ? found : {};
}

function numberAt(value: Json, key: string): number {
  const found = value[key];
  return typeof found === 'number' ? found : 0;
}

function total(counts: Json): number {
  return Object.values(counts).reduce<number>(
    (sum, count) => sum + (typeof count === 'number' ? count : 0),
    0,
  );
}
