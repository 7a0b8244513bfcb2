import { isLeapYear, packedCivil } from './calendar.js';

/** February 29 and 28 as packed month and day (month * 32 + day). */
const leapDay = 2 * 32 + 29;
const dayBeforeLeapDay = 2 * 32 + 28;

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
