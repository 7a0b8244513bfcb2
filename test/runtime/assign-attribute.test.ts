import { describe, expect, test } from 'vitest';
import {
  appendItem,
  assignAttribute,
  dropPastItems,
} from '../../src/runtime/assign-attribute.js';
import { millisecondsPerDay } from '../../src/runtime/calendar.js';

describe('assignAttribute', () => {
  test('sets an attribute of the member', () => {
    const member: Record<string, unknown> = { id: 'eva', level: 'member' };
    assignAttribute(member, 'level', 'plus1500');
    expect(member).toEqual({ id: 'eva', level: 'plus1500' });
  });

  test('sets one property of an object attribute and keeps the others', () => {
    const consent = { email: true, sms: false, children: false };
    const member: Record<string, unknown> = { id: 'eva', consent };
    assignAttribute(member, 'consent.children', true);
    expect(member['consent']).toEqual({
      email: true,
      sms: false,
      children: true,
    });
  });

  test('follows a path through nested objects', () => {
    const member: Record<string, unknown> = {
      address: { city: 'Lund', geo: { lat: 55.7, lon: 13.2 } },
    };
    assignAttribute(member, 'address.geo.lat', 55.71);
    expect(member['address']).toEqual({
      city: 'Lund',
      geo: { lat: 55.71, lon: 13.2 },
    });
  });
});

describe('lists with a retention', () => {
  const now = Date.parse('2025-05-01T12:00:00Z');
  const daysAgo = (days: number) => ({ at: now - days * millisecondsPerDay });
  const kept30Days = { by: 'at', days: 30 };

  test('appending makes the list when the member has none', () => {
    const member: Record<string, unknown> = { id: 'eva' };
    appendItem(member, 'purchases', daysAgo(0), kept30Days, now);
    expect(member['purchases']).toEqual([daysAgo(0)]);
  });

  test('appending drops the items past the retention, wherever they stand', () => {
    const member: Record<string, unknown> = {
      purchases: [daysAgo(40), daysAgo(10), daysAgo(31), daysAgo(30)],
    };
    appendItem(member, 'purchases', daysAgo(0), kept30Days, now);
    expect(member['purchases']).toEqual([daysAgo(10), daysAgo(30), daysAgo(0)]);
  });

  test('a list without a retention keeps every item', () => {
    const member: Record<string, unknown> = { purchases: [daysAgo(4000)] };
    appendItem(member, 'purchases', daysAgo(0), null, now);
    expect(member['purchases']).toEqual([daysAgo(4000), daysAgo(0)]);
  });

  test('appending gives a new list, never a push into the old one', () => {
    const before = [daysAgo(1)];
    const member: Record<string, unknown> = { purchases: before };
    appendItem(member, 'purchases', daysAgo(0), kept30Days, now);
    expect(before).toHaveLength(1);
    expect(member['purchases']).toHaveLength(2);
  });

  test('upkeep drops past items and leaves a list with none past as it is', () => {
    const recent = [daysAgo(1), daysAgo(29)];
    const member: Record<string, unknown> = {
      recent,
      old: [daysAgo(31), daysAgo(2)],
    };
    const retained = (attribute: string) => ({
      attribute,
      retention: kept30Days,
    });
    dropPastItems(member, retained('recent'), now);
    dropPastItems(member, retained('old'), now);
    dropPastItems(member, retained('absent'), now);
    expect(member['recent']).toBe(recent);
    expect(member['old']).toEqual([daysAgo(2)]);
    expect(member).not.toHaveProperty('absent');
  });
});
