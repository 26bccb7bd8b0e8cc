import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** Building blocks shared by the Word documents (convention, annual review). */
export const p = (text: string, options: { bold?: boolean; italics?: boolean; after?: number } = {}) =>
  new Paragraph({ spacing: { after: options.after ?? 120 }, children: [new TextRun({ text, bold: options.bold, italics: options.italics })] });

export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [new TextRun(text)] });

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** Rows never break across pages: a row stays readable (and its text whole) on one page. */
export function table(header: string[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x) => cell(x)) }))],
  });
}
