/** Milliseconds in a second. */
export const millisecondsPerSecond = 1_000;

/** Milliseconds in a minute. */
export const millisecondsPerMinute = 60_000;

/** Milliseconds in an hour. */
export const millisecondsPerHour = 3_600_000;

/** Milliseconds in a day of 24 hours. */
export const millisecondsPerDay = 86_400_000;

/** Minutes in a day of 24 hours. */
export const minutesPerDay = 1_440;

/** A date of the proleptic Gregorian calendar; `month` and `day` start at 1. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The day number (days since 1970-01-01) of a calendar date. Pure integer
 * arithmetic over 400-year eras, so it needs no Date object: the compiled
 * conditions call it for every member.
 */
export function daysFromCivil(
  year: number,
  month: number,
  day: number,
): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const packed = packedCivil(days);
  return {
    year: Math.floor(packed / 512),
    month: (packed & 511) >> 5,
    day: packed & 31,
  };
}

/**
 * The calendar date of a day number packed into one integer:
 * `year * 512 + month * 32 + day`, so that conditions evaluated for millions
 * of members allocate nothing. Decode with Math.floor(packed / 512) for the
 * year and `packed & 511` for month and day (also for negative years).
 */
export function packedCivil(days: number): number {
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

/** True for years with a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
