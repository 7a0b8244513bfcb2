import { describe, expect, test } from 'vitest';
import { assignAttribute } from '../../src/runtime/assign-attribute.js';

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
