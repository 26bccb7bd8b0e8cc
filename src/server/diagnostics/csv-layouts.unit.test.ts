import { describe, expect, it } from 'vitest';
import { parseReferenceDate, parseValue, readSeriesCsv } from './csv-layouts.js';
import { addMonths } from '../coverage/territorial.service.js';

describe('CSV layouts and dates', () => {
  it('reads the reference dates of both layouts', () => {
    expect(parseReferenceDate('2022')).toBe('2022-12-31');
    expect(parseReferenceDate('31/12/2022')).toBe('2022-12-31');
    expect(parseReferenceDate('2024-02-29')).toBe('2024-02-29');
    expect(parseReferenceDate('2023-02-29')).toBeNull();
    expect(parseReferenceDate('décembre 2022')).toBeNull();
  });
  it('reads French and plain numbers', () => {
    expect(parseValue('1 352 440')).toBe(1352440);
    expect(parseValue('12,5')).toBe(12.5);
    expect(parseValue('n.d.')).toBeNull();
    expect(parseValue('')).toBeNull();
  });
  it('finds Cafdata columns whatever their case, accents and separators', () => {
    const { rows, errors } = readSeriesCsv('\uFEFFCODE GÉO;Millésime géographique;Date de référence;Valeur\n92009;2024;2023;1 060\n', 'cafdata');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 2, territoryCode: '92009', geoVintage: '2024', referenceDate: '2023-12-31', value: 1060 }]);
  });
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2027-03-01', 12)).toBe('2028-03-01');
    expect(addMonths('2026-12-01', 6)).toBe('2027-06-01');
  });
});
