import { describe, expect, test } from 'vitest';
import {
  camelIdentifier,
  commentText,
  pascalIdentifier,
  propertyKey,
  typePropertyName,
  UniqueNames,
} from '../../src/emit/typescript/identifiers.js';

describe('identifiers from YAML names', () => {
  test.each([
    { words: ['segment', 'lapsed_12m'], camel: 'segmentLapsed12m' },
    {
      words: ['journey', 'winback', 'steps.2.then.0', 'when'],
      camel: 'journeyWinbackSteps2Then0When',
    },
    { words: ['12m'], camel: '_12m' },
    { words: ['class'], camel: 'class_' },
    { words: ['__proto__'], camel: 'proto' },
    { words: ['x"]; alert(1); //'], camel: 'xAlert1' },
    { words: ['', '--'], camel: '_' },
  ])('camelIdentifier($words) is $camel', ({ words, camel }) => {
    expect(camelIdentifier(words)).toBe(camel);
  });

  test.each([
    { words: ['purchase', 'event'], pascal: 'PurchaseEvent' },
    { words: ['basket_abandoned', 'event'], pascal: 'BasketAbandonedEvent' },
    { words: ['7', 'up'], pascal: '_7Up' },
  ])('pascalIdentifier($words) is $pascal', ({ words, pascal }) => {
    expect(pascalIdentifier(words)).toBe(pascal);
  });

  test('a name taken before gets a number', () => {
    const names = new UniqueNames(['Member']);
    expect([
      names.take('Member'),
      names.take('winback'),
      names.take('winback'),
    ]).toEqual(['Member2', 'winback', 'winback2']);
  });
});

describe('keys and comments from YAML text', () => {
  test.each([
    {
      name: 'winback_after_days',
      key: 'winback_after_days',
      type: 'winback_after_days',
    },
    { name: '__proto__', key: '["__proto__"]', type: '__proto__' },
    { name: 'constructor', key: 'constructor', type: 'constructor' },
    { name: 'a-b', key: '"a-b"', type: '"a-b"' },
    { name: 'it\'s "x"', key: '"it\'s \\"x\\""', type: '"it\'s \\"x\\""' },
  ])('$name is the key $key and the property $type', ({ name, key, type }) => {
    expect([propertyKey(name), typePropertyName(name)]).toEqual([key, type]);
  });

  test.each([
    { text: 'plain', comment: 'plain' },
    { text: 'ends */ code(); /*', comment: 'ends *\\/ code(); /*' },
    { text: 'line\nbreak\r\nand\u2028more', comment: 'line break and more' },
    { text: 'nul\u0000bell\u0007', comment: 'nul bell ' },
  ])('commentText($text) is $comment', ({ text, comment }) => {
    expect(commentText(text)).toBe(comment);
  });
});
