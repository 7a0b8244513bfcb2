import { isLeapYear } from './calendar.js';

/** February 29 and 28 as packed month and day (month * 32 + day). */
const leapDay = 2 * 32 + 29;
const dayBeforeLeapDay = 2 * 32 + 28;

/**
 * The calendar date of a day number packed into one integer:
 * `year * 512 + month * 32 + day`, so that conditions evaluated for millions
 * of members allocate nothing (civilFromDays returns an object). The same
 * arithmetic as civilFromDays. Decode with Math.floor(packed / 512) for the
 * year and `packed & 511` for month and day (also for negative years).
 */
function packedCivil(days: number): number {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 512 + month * 32 + day;
}

/**
 * The packed date of `today`, remembered: a pass over all members asks
 * for the same day millions of times.
 */
let lastToday = Number.NaN;
let lastTodayPacked = 0;

function packedToday(today: number): number {
  if (today !== lastToday) {
    lastTodayPacked = packedCivil(today);
    lastToday = today;
  }
  return lastTodayPacked;
}

/**
 * True when the date `birthDate` (a day number) has its anniversary on the
 * day `today`. Someone born on 29 February has their birthday on 28 February
 * in years without a 29 February.
 */
function isBirthday(today: number, birthDate: number): boolean {
  const now = packedToday(today);
  const nowMonthDay = now & 511;
  const birthMonthDay = packedCivil(birthDate) & 511;
  if (nowMonthDay === birthMonthDay) return true;
  return (
    birthMonthDay === leapDay &&
    nowMonthDay === dayBeforeLeapDay &&
    !isLeapYear(Math.floor(now / 512))
  );
}

/**
 * Whole years from `birthDate` to `today` (both day numbers). A birthday on
 * 29 February counts as reached on 28 February in years without one, as
 * is_birthday does.
 */
function age(today: number, birthDate: number): number {
  const now = packedToday(today);
  const birth = packedCivil(birthDate);
  const nowYear = Math.floor(now / 512);
  const birthYear = Math.floor(birth / 512);
  let birthMonthDay = birth & 511;
  if (birthMonthDay === leapDay && !isLeapYear(nowYear))
    birthMonthDay = dayBeforeLeapDay;
  const reached = (now & 511) >= birthMonthDay;
  return nowYear - birthYear - (reached ? 0 : 1);
}

/**
 * The helpers that compiled conditions call as `rt.name(...)`: what is too
 * long to emit inline. Everything else compiles to plain JavaScript.
 */
export const conditionRuntime = { isBirthday, age } as const;

/** The type of the `rt` object compiled conditions receive. */
export type ConditionRuntime = typeof conditionRuntime;
