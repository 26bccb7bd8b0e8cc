import type ExcelJS from 'exceljs';

/** A cell's value as a plain string, number, date or null, whatever exceljs made of it. */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return plainValue(value.text);
  if ('error' in value) return null;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date cell, or text as JJ/MM/AAAA or AAAA-MM-JJ, as `YYYY-MM-DD`; undefined when unreadable. */
export function parseDateCell(value: string | number | boolean | Date): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value !== 'string') return undefined;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = fr ? [Number(fr[3]), Number(fr[2]), Number(fr[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!year || !isRealDate(year, month, day)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A number cell, or text written the French way (« 1 234,50 »); undefined when unreadable. */
export function parseNumberCell(value: string | number | boolean | Date): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A text cell (numbers and dates written back as text). */
export function textOf(value: string | number | boolean | Date): string {
  if (value instanceof Date) return parseDateCell(value) ?? '';
  return String(value).trim();
}
