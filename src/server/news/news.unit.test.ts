import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frenchTypography, NBSP, NNBSP } from './typography.js';
import { dayAndMonth, numberInWords, periodPhrase } from './words.js';
import { generateDraft } from './draft.generator.js';
import { capacityPhrase, placeComplement } from './draft.phrases.js';
import { freeSlug, newsTransitionProblem, slugFor } from './news.policy.js';
import type { DraftSignature } from './draft.facts.js';

describe('French typography', () => {
  it('puts a no-break space before a colon and narrow ones before ; ! ? and inside guillemets', () => {
    expect(frenchTypography('Ont signé: Paul; et alors ? Oui!')).toBe(`Ont signé${NBSP}: Paul${NNBSP}; et alors${NNBSP}? Oui${NNBSP}!`);
    expect(frenchTypography('le label «1 000 premiers jours»')).toBe(`le label «${NNBSP}1${NNBSP}000 premiers jours${NNBSP}»`);
    expect(frenchTypography('un parcours "accès aux droits"')).toBe(`un parcours «${NNBSP}accès aux droits${NNBSP}»`);
  });

  it('writes ordinals, apostrophes and ellipses the French way and leaves no double space', () => {
    expect(frenchTypography("le 1 er vice-président, la 1ère fois, l'accueil...")).toBe('le 1er vice-président, la 1re fois, l’accueil…');
    expect(frenchTypography('deux  espaces   ici  ')).toBe('deux espaces ici');
  });

  it('leaves addresses, times and Markdown markers alone', () => {
    expect(frenchTypography('voir https://exemple.fr/a?b=1 à 10:30')).toBe('voir https://exemple.fr/a?b=1 à 10:30');
    expect(frenchTypography('## Titre\n\n- un point ;\n- deux.')).toBe(`## Titre\n\n- un point${NNBSP};\n- deux.`);
  });

  it('keeps a no-break space after a number and a full stop as text, not as a list marker (shrunk counterexample)', () => {
    const once = frenchTypography('1.»');
    expect(once).toBe(`1.${NNBSP}»`);
    expect(frenchTypography(once)).toBe(once);
  });

  it('turns nested straight quotes into guillemets at once, so that a second pass changes nothing (shrunk counterexample)', () => {
    const once = frenchTypography('""a""');
    expect(once).not.toContain('"');
    expect(frenchTypography(once)).toBe(once);
  });

  it('keeps a list’s indentation and puts one space after its marker', () => {
    expect(frenchTypography('  -   point ;\n#  Titre')).toBe(`  - point${NNBSP};\n# Titre`);
  });

  it('is idempotent and never leaves two spaces in a row (indentation aside)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', ' ', '\t', ':', ';', '?', '!', '«', '»', '"', "'", '1', '0', 'er', '.', '-', '#', '\n'), { maxLength: 60 }), (parts) => {
        const once = frenchTypography(parts.join(''));
        expect(frenchTypography(once)).toBe(once);
        expect(once.replace(/^[ \t]+/gm, '')).not.toMatch(/ {2}/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('French words', () => {
  it('writes numbers in words, feminine when asked', () => {
    expect([1, 3, 17, 21, 71, 80, 91, 100, 200, 1000].map((n) => numberInWords(n))).toEqual([
      'un', 'trois', 'dix-sept', 'vingt-et-un', 'soixante-et-onze', 'quatre-vingts', 'quatre-vingt-onze', 'cent', 'deux-cents', 'mille',
    ]);
    expect(numberInWords(1, true)).toBe('une');
    expect(numberInWords(21, true)).toBe('vingt-et-une');
  });

  it('names days, months and periods', () => {
    expect(dayAndMonth('2023-03-08')).toBe('8 mars');
    expect(dayAndMonth('2023-08-01', true)).toBe('1er août 2023');
    expect(periodPhrase('2023-03-08', '2023-03-20')).toBe('en mars');
    expect(periodPhrase('2023-01-08', '2023-03-20')).toBe('entre janvier et mars');
    expect(periodPhrase('2023-12-08', '2024-01-20')).toBe('entre décembre 2023 et janvier 2024');
  });
});

const caf = { name: 'Caf du Val-d’Oise', kind: 'caf' };
const signature = (overrides: Partial<DraftSignature> = {}): DraftSignature => ({
  eventId: 1,
  conventionId: 1,
  date: '2024-06-12',
  place: 'Salle des fêtes d’Ermont',
  kind: 'convention',
  territoryNames: ['Ermont'],
  caf,
  partners: [{ name: 'Ville d’Ermont', kind: 'commune' }],
  signatories: [
    { fullName: 'Anne Martin', capacity: 'maire', organisation: { name: 'Ville d’Ermont', kind: 'commune' } },
    { fullName: 'Luc Bernard', capacity: 'directeur', organisation: caf },
  ],
  startYear: 2024,
  endYear: 2028,
  themes: ['jeunesse', 'logement'],
  highlightedActions: [{ title: 'Ouvrir un point info jeunesse', labels: [] }],
  ...overrides,
});

describe('draft generator', () => {
  it('announces one signature in the singular, with its place, signatories and projects', () => {
    const draft = generateDraft({ signatures: [signature()], themeLabels: {} });
    expect(draft.title).toBe('Une nouvelle signature de CTG en juin');
    expect(draft.body).toContain('Le 12 juin, la Caf et la Ville d’Ermont ont signé leur CTG à la salle des fêtes d’Ermont.');
    expect(draft.body).toContain('d’Anne Martin, maire d’Ermont, ainsi que, pour la Caf, de Luc Bernard, directeur.');
    expect(draft.body).toContain('pour cinq ans, de 2024 à 2028');
    expect(draft.body).toContain(`communs${NBSP}: la jeunesse et le logement.`);
    expect(draft.body).toContain('- ouvrir un point info jeunesse.');
    expect(draft.body).not.toContain('Enfin');
  });

  it('orders sections by date, ends with « Enfin, » and says so gracefully when no project is highlighted', () => {
    const draft = generateDraft({
      signatures: [
        signature({ eventId: 2, date: '2024-07-02', territoryNames: ['Sannois'], partners: [{ name: 'Ville de Sannois', kind: 'commune' }], highlightedActions: [] }),
        signature(),
      ],
      themeLabels: {},
    });
    expect(draft.title).toBe('Deux nouvelles signatures de CTG entre juin et juillet');
    expect(draft.signatureEventIds).toEqual([1, 2]);
    expect(draft.body.indexOf('## Ermont')).toBeLessThan(draft.body.indexOf('## Sannois'));
    const last = draft.body.slice(draft.body.indexOf('## Sannois'));
    expect(last).toContain('Enfin, le 2 juillet,');
    expect(last).toContain('n’ont pas encore été mis en avant');
    expect(last).not.toContain('Parmi les projets');
  });

  it('refuses to write an empty article', () => {
    expect(() => generateDraft({ signatures: [], themeLabels: {} })).toThrow(/Aucune signature/);
  });

  it('words capacities relative to the signing organisation', () => {
    const mayor = { fullName: 'P. B.', capacity: 'maire, président de Grand Paris Seine Ouest', organisation: { name: 'Ville de Boulogne-Billancourt', kind: 'commune' } };
    expect(capacityPhrase(mayor, true)).toBe('maire de Boulogne-Billancourt et président de Grand Paris Seine Ouest');
    expect(capacityPhrase({ ...mayor, capacity: 'président du conseil départemental' }, true)).toBe('président du conseil départemental');
    expect(placeComplement('Hôtel de ville de Bois-Colombes')).toBe('à l’hôtel de ville de Bois-Colombes');
    expect(placeComplement('Mairie de Boulogne-Billancourt')).toBe('à la mairie de Boulogne-Billancourt');
  });
});

describe('news rules', () => {
  it('allows draft → published → archived and refuses the rest with a French reason', () => {
    expect(newsTransitionProblem('brouillon', 'publie')).toBeNull();
    expect(newsTransitionProblem('publie', 'archive')).toBeNull();
    expect(newsTransitionProblem('publie', 'publie')).toMatch(/déjà/);
  });

  it('makes readable, unique slugs', () => {
    expect(slugFor('Trois nouvelles signatures de CTG en mars', '2023')).toBe('trois-nouvelles-signatures-de-ctg-en-mars-2023');
    expect(freeSlug('a', ['a', 'a-2'])).toBe('a-3');
    expect(freeSlug('b', ['a'])).toBe('b');
  });
});
