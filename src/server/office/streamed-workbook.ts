import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { NUMBER_FORMATS, type ColumnDef } from './plan-sheets.js';

export type Cell = string | number | Date | null;

export interface StreamedSheet {
  name: string;
  columns: readonly ColumnDef[];
  /** Rows produced page by page, so that a large list is never held in memory at once. */
  rows: () => AsyncIterable<Cell[]>;
}

/**
 * A workbook written row by row into a stream (exceljs streaming writer): each row is committed as
 * soon as it is added, and the writer waits when the reader is slower. A failure half-way destroys
 * the stream, so the client gets a broken download rather than a truncated file that looks complete.
 * exceljs is imported on the first export, not with the server (ADR 0024).
 */
export function streamWorkbook(sheets: readonly StreamedSheet[]): Readable {
  const out = new PassThrough();
  const write = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Pilote CTG';
    workbook.created = new Date();
    for (const s of sheets) {
      const sheet = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: NUMBER_FORMATS[c.kind] } }));
      sheet.getRow(1).font = { bold: true };
      let written = 0;
      for await (const row of s.rows()) {
        sheet.addRow(row).commit();
        if (++written % 200 === 0 && out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** Every item of a scoped list, page after page (the scope is applied in SQL by the list itself). */
export async function* itemsOf<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): AsyncIterable<T> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
