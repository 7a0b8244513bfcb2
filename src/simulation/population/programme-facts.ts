import { Random, weighted, type WeightedChoices } from './random.js';

/*
 * The programme's facts the generated population is shaped by: business
 * areas, stores, names, how often and how much members buy, and how often
 * the other events of the programme happen.
 */

/** Business areas (affärsområden); beauty is the largest. */
export const areas = ['fashion', 'home', 'beauty'] as const;
export const areaChoices = weighted<number>([
  [0, 33],
  [1, 22],
  [2, 45],
]);

/** Where members buy. */
export const purchaseChannels = ['store', 'online'] as const;

/** Department stores (varuhus), biggest first, weighted by members. */
export const stores = weighted<string>([
  ['Stockholm City', 14],
  ['Göteborg Nordstan', 8],
  ['Malmö Triangeln', 7],
  ['Uppsala', 5],
  ['Täby Centrum', 5],
  ['Västerås', 4],
  ['Örebro', 4],
  ['Linköping', 4],
  ['Helsingborg', 4],
  ['Norrköping', 3],
  ['Jönköping', 3],
  ['Umeå', 3],
  ['Lund', 3],
  ['Gävle', 3],
  ['Sundsvall', 2],
  ['Karlstad', 2],
  ['Halmstad', 2],
  ['Växjö', 2],
  ['Kalmar', 2],
  ['Luleå', 2],
]);

export const femaleNames = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Kristina', 'Lena', 'Emma',
  'Kerstin', 'Ingrid', 'Marie', 'Malin', 'Jenny', 'Annika', 'Hanna',
  'Linda', 'Susanne', 'Elin', 'Johanna', 'Camilla', 'Sofia', 'Ida',
]; // prettier-ignore

export const femaleEmailNames = femaleNames.map(emailName);

export const maleNames = [
  'Lars', 'Mikael', 'Anders', 'Johan', 'Per', 'Erik', 'Karl', 'Peter',
  'Thomas', 'Jan', 'Daniel', 'Fredrik', 'Andreas', 'Hans', 'Magnus',
]; // prettier-ignore

export const maleEmailNames = maleNames.map(emailName);

/** The part of a name that fits in an e-mail address. */
function emailName(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, 'e');
}

export const genders = weighted<string>([
  ['female', 90],
  ['male', 8],
  ['other', 0.5],
  ['unknown', 1.5],
]);

/** Purchases in the last 12 months of an active member. */
export const yearlyPurchases = weighted<number>([
  [1, 24],
  [2, 19],
  [3, 15],
  [4, 12],
  [5, 9],
  [6, 7],
  [7, 5],
  [8, 3.5],
  [10, 2.5],
  [12, 1.5],
  [16, 1],
  [24, 0.5],
]);

/** Price bands in SEK per area, as [low, high) with weights. */
export const priceBands: readonly WeightedChoices<readonly [number, number]>[] =
  [
    weighted<readonly [number, number]>([
      [[199, 499], 30],
      [[499, 999], 40],
      [[999, 1999], 22],
      [[1999, 4999], 8],
    ]),
    weighted<readonly [number, number]>([
      [[99, 299], 30],
      [[299, 799], 40],
      [[799, 1999], 22],
      [[1999, 5999], 8],
    ]),
    weighted<readonly [number, number]>([
      [[99, 249], 35],
      [[249, 499], 40],
      [[499, 999], 20],
      [[999, 1999], 5],
    ]),
  ];

/** Share of a member's purchases made online: store-only, mixed, online-first. */
export const onlineShares = weighted<number>([
  [0, 55],
  [0.3, 33],
  [0.75, 12],
]);

/** Level thresholds of 12-month spend in SEK (1500+ and 10000+). */
export const levelThresholds = { plus1500: 1_500, plus10000: 10_000 } as const;

/** The spend level a 12-month spend gives. */
export function levelOf(spend: number): string {
  if (spend >= levelThresholds.plus10000) return 'plus10000';
  return spend >= levelThresholds.plus1500 ? 'plus1500' : 'member';
}

/** A price in SEK for an area, ending in 9 like shop prices. */
export function drawPrice(random: Random, area: number): number {
  const bands = priceBands[area] ?? priceBands[0];
  if (bands === undefined) return 99;
  const [low, high] = random.pickWeighted(bands);
  return Math.floor(random.uniform(low, high) / 10) * 10 + 9;
}

/**
 * Daily rates of the programme's behaviour, as shares of the members: the
 * active ones (bought in the last 12 months) for baskets, all for the rest.
 * Purchases follow the members' histories instead (see
 * EventGenerator.generatePurchases).
 */
export const rates = {
  basketAbandoned: 0.004,
  basketRecovered: 0.3,
  backInStock: 0.0008,
  bonusUnused: 0.003,
  childrenOptIn: 0.0002,
  passwordReset: 0.0005,
  emailBounced: 0.0001,
  emailRegistered: 0.0002,
  emailConfirmed: 0.6,
  /** Drawn members who open an e-mail, if they opened one in 180 days. */
  emailOpened: 0.02,
  /** Of the other drawn members with an address, those who open one. */
  emailReopened: 0.03,
  levelReview: 0.0001,
  memberJoined: 0.0003,
  otherEvent: 0.0005,
} as const;

/** More shopping at weekends; Monday is 0. */
export const weekdayFactors = [0.9, 0.9, 0.95, 1, 1.05, 1.3, 1.1] as const;

/** Hours of online activity, weighted: evenings busiest, nights quiet. */
export const onlineHours = weighted<number>(
  [
    1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 4, 4, 5, 4, 4, 4, 5, 5, 6, 7, 8, 7,
    5, 3,
  ].map((weight, hour) => [hour, weight] as const),
);

/** Parcel carriers of online orders. */
export const carriers = ['PostNord', 'DHL', 'Budbee', 'Instabox'];
