import PDFDocument from 'pdfkit';
import type { Pack } from '../../shared/api/governance.js';
import { packSections } from './pack-content.js';

const MARGIN = 48;

/** The meeting's pre-read as a PDF (standard fonts: nothing to fetch). */
export async function packPdf(pack: Pack): Promise<Buffer> {
  const { title, subtitle, sections } = packSections(pack);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Creator: 'Pilote CTG' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(16).text(title, { width });
  doc.font('Helvetica').fontSize(9.5).fillColor('#555').text(subtitle, { width }).fillColor('#000');
  for (const section of sections) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000091').text(section.heading, { width }).fillColor('#000').font('Helvetica').fontSize(9.5).moveDown(0.2);
    for (const line of section.lines) doc.text(line, { width });
    if (section.table?.rows.length) {
      doc.moveDown(0.3);
      for (const row of section.table.rows) doc.text(`•  ${row.map((value, i) => (i === 0 ? value : `${section.table!.header[i]} : ${value}`)).join(' · ')}`, { width, indent: 8 });
    }
  }
  doc.end();
  return done;
}
