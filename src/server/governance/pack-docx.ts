import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Pack } from '../../shared/api/governance.js';
import { packSections } from './pack-content.js';

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** The meeting's pre-read as a Word document. */
export async function packDocx(pack: Pack): Promise<Buffer> {
  const { title, subtitle, sections } = packSections(pack);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: subtitle, italics: true })] }),
  ];
  for (const section of sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun(section.heading)] }));
    for (const line of section.lines) children.push(new Paragraph({ spacing: { after: 80 }, children: [new TextRun(line)] }));
    if (section.table?.rows.length) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: section.table.header.map((h) => cell(h, true)) }), ...section.table.rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) }))],
        }),
      );
    }
  }
  const document = new Document({ creator: 'Pilote CTG', title, sections: [{ children }] });
  return Packer.toBuffer(document);
}
