import { describe, expect, test } from 'vitest';
import { measureSms } from '../../src/templates/index.js';

interface Row {
  readonly name: string;
  readonly text: string;
  readonly encoding: 'gsm7' | 'ucs2';
  readonly characters: number;
  readonly parts: number;
}

const rows: Row[] = [
  { name: 'empty', text: '', encoding: 'gsm7', characters: 0, parts: 1 },
  {
    name: '160 GSM-7 characters',
    text: 'a'.repeat(160),
    encoding: 'gsm7',
    characters: 160,
    parts: 1,
  },
  {
    name: '161 GSM-7 characters',
    text: 'a'.repeat(161),
    encoding: 'gsm7',
    characters: 161,
    parts: 2,
  },
  {
    name: '306 GSM-7 characters',
    text: 'a'.repeat(306),
    encoding: 'gsm7',
    characters: 306,
    parts: 2,
  },
  {
    name: '307 GSM-7 characters',
    text: 'a'.repeat(307),
    encoding: 'gsm7',
    characters: 307,
    parts: 3,
  },
  {
    name: 'Swedish letters are GSM-7',
    text: 'Hej Åsa, Märta, Östen och Émile! Ü ü é å ä ö',
    encoding: 'gsm7',
    characters: 44,
    parts: 1,
  },
  {
    name: 'extension characters count twice',
    text: `${'a'.repeat(150)}€[]{}`,
    encoding: 'gsm7',
    characters: 160,
    parts: 1,
  },
  {
    name: 'an extension character over the limit',
    text: `${'a'.repeat(159)}€`,
    encoding: 'gsm7',
    characters: 161,
    parts: 2,
  },
  {
    name: 'an escape pair is not split across parts',
    text: `${'a'.repeat(152)}€${'a'.repeat(10)}`,
    encoding: 'gsm7',
    characters: 164,
    parts: 2,
  },
  {
    name: 'an escape pair at a part boundary moves to the next part',
    text: `${'a'.repeat(152)}€${'a'.repeat(152)}`,
    encoding: 'gsm7',
    characters: 306,
    parts: 3,
  },
  {
    name: 'one UCS-2 character makes 70 the limit',
    text: `✓${'a'.repeat(69)}`,
    encoding: 'ucs2',
    characters: 70,
    parts: 1,
  },
  {
    name: '71 UCS-2 characters',
    text: `✓${'a'.repeat(70)}`,
    encoding: 'ucs2',
    characters: 71,
    parts: 2,
  },
  {
    name: '134 UCS-2 characters',
    text: `✓${'a'.repeat(133)}`,
    encoding: 'ucs2',
    characters: 134,
    parts: 2,
  },
  {
    name: '135 UCS-2 characters',
    text: `✓${'a'.repeat(134)}`,
    encoding: 'ucs2',
    characters: 135,
    parts: 3,
  },
  {
    name: 'an emoji counts two UTF-16 units',
    text: `😀${'a'.repeat(68)}`,
    encoding: 'ucs2',
    characters: 70,
    parts: 1,
  },
  {
    name: 'Danish and Norwegian letters are GSM-7, Finnish š is not',
    text: 'Æ æ Ø ø š',
    encoding: 'ucs2',
    characters: 9,
    parts: 1,
  },
];

describe('SMS encoding and parts', () => {
  test.each(rows)('$name', (row) => {
    const measure = measureSms(row.text);
    expect({
      encoding: measure.encoding,
      characters: measure.characters,
      parts: measure.parts,
    }).toEqual({
      encoding: row.encoding,
      characters: row.characters,
      parts: row.parts,
    });
  });

  test('names the character that makes the text UCS-2', () => {
    expect(measureSms('Hej’ där').forcedBy).toBe('’');
    expect(measureSms('Hej där').forcedBy).toBeUndefined();
  });
});
