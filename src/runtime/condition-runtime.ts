import { civilFromDays, isLeapYear } from './calendar.js';

/**
 * True when the date `birthDate` (a day number) has its anniversary on the
 * day `today`. Someone born on 29 February has their birthday on 28 February
 * in years without a 29 February.
 */
function isBirthday(today: number, birthDate: number): boolean {
  const now = civilFromDays(today);
  const birth = civilFromDays(birthDate);
  if (now.month === birth.month && now.day === birth.day) return true;

  const leapDayBirth = birth.month === 2 && birth.day === 29;
  return (
    leapDayBirth && !isLeapYear(now.year) && now.month === 2 && now.day === 28
  );
}

/**
 * Whole years from `birthDate` to `today` (both day numbers). A birthday on
 * 29 February counts as reached on 28 February in years without one, as
 * is_birthday does.
 */
function age(today: number, birthDate: number): number {
  const now = civilFromDays(today);
  const birth = civilFromDays(birthDate);
  const birthDay =
    birth.month === 2 && birth.day === 29 && !isLeapYear(now.year)
      ? 28
      : birth.day;
  const reached =
    now.month > birth.month ||
    (now.month === birth.month && now.day >= birthDay);
  return now.year - birth.year - (reached ? 0 : 1);
}

/**
 * The helpers that compiled conditions call as `rt.name(...)`: what is too
 * long to emit inline. Everything else compiles to plain JavaScript.
 */
export const conditionRuntime = { isBirthday, age } as const;

/** The type of the `rt` object compiled conditions receive. */
export type ConditionRuntime = typeof conditionRuntime;
