import type { ReactNode } from 'react';
import type { ImportSpan } from '../../../shared/api/index.js';

/** Field → label and a light background (dark text stays readable on each). */
export const SPAN_STYLES: Record<string, { label: string; background: string }> = {
  territory: { label: 'Territoire', background: '#dbeafe' },
  caf: { label: 'Caf', background: '#e0e7ff' },
  party: { label: 'Autre partie', background: '#ede9fe' },
  signatureDate: { label: 'Date de signature', background: '#fde68a' },
  place: { label: 'Lieu', background: '#fed7aa' },
  period: { label: 'Période', background: '#fecaca' },
  signatory: { label: 'Signataire', background: '#bbf7d0' },
  capacity: { label: 'Qualité', background: '#d9f99d' },
  project: { label: 'Projet', background: '#f1f5f9' },
};

/** Spans that do not overlap, longest first at a given place (a territory inside a place stays visible as the place). */
function flatten(spans: ImportSpan[]): ImportSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: ImportSpan[] = [];
  let end = -1;
  for (const span of sorted) {
    if (span.start >= end) {
      kept.push(span);
      end = span.end;
    }
  }
  return kept;
}

/** The normalized text with the words each field was read from highlighted. */
export function SourceText({ text, spans }: { text: string; spans: ImportSpan[] }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const span of flatten(spans)) {
    const style = SPAN_STYLES[span.field];
    if (!style) continue;
    if (span.start > cursor) parts.push(text.slice(cursor, span.start));
    parts.push(
      <mark
        key={`${span.field}-${span.start}`}
        style={{ background: style.background, color: '#161616', padding: '0 0.1em' }}
        title={`${style.label} (confiance ${Math.round(span.confidence * 100)} %)`}
        data-field={span.field}
      >
        {text.slice(span.start, span.end)}
        <span className="fr-sr-only"> [{style.label}]</span>
      </mark>,
    );
    cursor = span.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  const used = new Set(spans.map((s) => s.field));
  return (
    <section aria-labelledby="texte-source-titre">
      <h2 id="texte-source-titre" className="fr-h4">
        Texte analysé
      </h2>
      <ul className="fr-tags-group fr-mb-1w" aria-label="Légende des surlignages">
        {Object.entries(SPAN_STYLES)
          .filter(([field]) => used.has(field))
          .map(([field, style]) => (
            <li key={field}>
              <span className="fr-tag fr-tag--sm" style={{ background: style.background, color: '#161616' }}>
                {style.label}
              </span>
            </li>
          ))}
      </ul>
      <div
        className="fr-p-2w"
        tabIndex={0}
        role="region"
        aria-label="Texte analysé, avec les passages reconnus surlignés"
        style={{ whiteSpace: 'pre-wrap', maxHeight: '70vh', overflowY: 'auto', border: '1px solid var(--border-default-grey)', lineHeight: 1.7 }}
      >
        {parts}
      </div>
    </section>
  );
}
