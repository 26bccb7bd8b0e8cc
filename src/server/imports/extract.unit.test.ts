import { describe, expect, it } from 'vitest';
import { normalizeImportText, repairMojibake } from './normalize.js';
import { findDates, inferYear } from './dates.js';
import { findPeriod } from './period.js';
import { classifyThemes } from './themes.js';
import { findSignatories } from './signatories.js';
import { cafName } from './parties.js';
import { htmlToText } from './file-text.js';

describe('text clean-up', () => {
  it('repairs UTF-8 read as Windows-1252 and drops page chrome, keeping bullets of any kind', () => {
    expect(repairMojibake('signÃ©e Ã\u00a0 lâ€™hÃ´tel de ville')).toBe('signée à l’hôtel de ville');
    const { text } = normalizeImportText('Retour Partenaires\r\n\r\n  - un\u00a0item\n* deux\n1) trois\n▪ quatre\nPartager');
    expect(text).toBe('• un item\n• deux\n• trois\n• quatre');
  });
  it('turns HTML into lines and bullets', () => {
    expect(htmlToText('<p>A&nbsp;&amp; B</p><ul><li>l&#39;un</li></ul><script>x()</script>')).toBe('A & B\n\n• l\'un\n\n');
  });
});

describe('French dates', () => {
  it('reads long, numeric and month-only dates', () => {
    const found = findDates('le 1er février 2024, puis le 29/09/2023 et en juin 2022');
    expect(found.map((d) => [d.year, d.month, d.day])).toEqual([[2024, 2, 1], [2023, 9, 29], [2022, 6, null]]);
  });
  it('infers a missing year from the weekday, the publication date or the period', () => {
    const [wednesday] = findDates('mercredi 6 mars');
    expect(inferYear(wednesday!, { periodStart: 2023 })).toBe(2024);
    const [june] = findDates('le 30 juin');
    expect(inferYear(june!, { publication: { year: 2023, month: 7, day: 5 } })).toBe(2023);
    const [december] = findDates('le 15 décembre');
    expect(inferYear(december!, { publication: { year: 2024, month: 2, day: 1 } })).toBe(2023);
    expect(inferYear(december!, { periodStart: 2021 })).toBe(2021);
  });
});

describe('period', () => {
  it('reads ranges and durations, not an earlier convention’s years', () => {
    expect(findPeriod('pour les années 2023 à 2027', null)).toMatchObject({ start: 2023, end: 2027 });
    expect(findPeriod('CTG 2019/2023', null)).toMatchObject({ start: 2019, end: 2023 });
    expect(findPeriod('succède à la CTG 2018/2022, conclue pour cinq ans', 2023)).toMatchObject({ start: 2023, end: 2027, fromDuration: true });
    expect(findPeriod('pour quatre ans à compter de 2025', null)).toMatchObject({ start: 2025, end: 2028 });
  });
});

describe('theme classifier', () => {
  it('stems French words, prefers the longest phrase and shows the matched words', () => {
    const result = classifyThemes('Accueil des jeunes enfants et des enfants en situation de handicap dans les crèches');
    expect(result.themes).toEqual(['petite_enfance', 'enfance', 'handicap']);
    expect(result.evidence[0]).toEqual({ theme: 'petite_enfance', words: ['jeunes enfants', 'crèches'] });
    expect(classifyThemes('structures de droit commun').themes).toEqual([]);
  });
});

describe('signatories', () => {
  it('reads capacities after the name, in parentheses, before the name, and leaves a missing one empty', () => {
    const text = 'signée par Anne Le Goff (présidente de l’agglomération), le maire, Paul Roux, et Mme Lina Petit, directrice de la Caf, puis Marc Blanc.';
    const found = findSignatories(text, 0, text.length, []);
    expect(found.map((s) => [s.name, s.capacity, s.organisation])).toEqual([
      ['Anne Le Goff', 'présidente de l’agglomération', 'epci'],
      ['Paul Roux', 'maire', 'commune'],
      ['Lina Petit', 'directrice de la Caf', 'caf'],
      ['Marc Blanc', null, null],
    ]);
  });
});

describe('Caf names', () => {
  it('uses the article of the département', () => {
    expect(['92', '59', '01', '33', '75'].map(cafName)).toEqual(['Caf des Hauts-de-Seine', 'Caf du Nord', 'Caf de l’Ain', 'Caf de la Gironde', 'Caf de Paris']);
  });
});
