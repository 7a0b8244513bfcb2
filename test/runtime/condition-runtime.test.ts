import { describe, expect, it } from 'vitest';
import { civilFromDays, isLeapYear } from '../../src/runtime/calendar.js';
import { conditionRuntime } from '../../src/runtime/condition-runtime.js';
import { parseDate } from '../../src/runtime/values.js';

/** The definitions in terms of civilFromDays, which the helpers must match. */
function referenceIsBirthday(today: number, birthDate: number): boolean {
  const now = civilFromDays(today);
  const birth = civilFromDays(birthDate);
  if (now.month === birth.month && now.day === birth.day) return true;
  const leapDayBirth = birth.month === 2 && birth.day === 29;
  return (
    leapDayBirth && !isLeapYear(now.year) && now.month === 2 && now.day === 28
  );
}

function referenceAge(today: number, birthDate: number): number {
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

const day = (text: string): number => parseDate(text) ?? Number.NaN;

describe('conditionRuntime', () => {
  it('handles birthdays on 29 February', () => {
    const born = day('2000-02-29');
    expect(conditionRuntime.isBirthday(day('2025-02-28'), born)).toBe(true);
    expect(conditionRuntime.isBirthday(day('2024-02-28'), born)).toBe(false);
    expect(conditionRuntime.isBirthday(day('2024-02-29'), born)).toBe(true);
    expect(conditionRuntime.age(day('2025-02-27'), born)).toBe(24);
    expect(conditionRuntime.age(day('2025-02-28'), born)).toBe(25);
    expect(conditionRuntime.age(day('2028-02-28'), born)).toBe(27);
    expect(conditionRuntime.age(day('2028-02-29'), born)).toBe(28);
  });

  it('matches the calendar definitions over centuries, before 1970 too', () => {
    let mismatches = 0;
    for (let today = -300_000; today < 300_000; today += 797) {
      for (let birth = today - 40_000; birth <= today + 400; birth += 37) {
        if (
          conditionRuntime.isBirthday(today, birth) !==
            referenceIsBirthday(today, birth) ||
          conditionRuntime.age(today, birth) !== referenceAge(today, birth)
        )
          mismatches++;
      }
    }
    for (let today = day('2023-01-01'); today < day('2029-01-01'); today++) {
      for (const birth of [day('1960-02-29'), day('2000-02-28'), today]) {
        if (
          conditionRuntime.isBirthday(today, birth) !==
            referenceIsBirthday(today, birth) ||
          conditionRuntime.age(today, birth) !== referenceAge(today, birth)
        )
          mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
