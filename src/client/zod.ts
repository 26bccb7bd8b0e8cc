import { z } from 'zod';

/**
 * French messages for client-side validation (imported by the form pages, once, before any schema
 * is used). Messages written in the shared schemas win; these replace the locale's most common,
 * rather technical wordings ("Trop petit : chaîne de caractères doit avoir >=3 caractères").
 */
z.config(z.locales.fr());
z.config({
  customError: (issue) => {
    const input: unknown = issue.input;
    if (issue.code === 'invalid_type') {
      const missing = input === undefined || input === null || input === '' || Number.isNaN(input);
      if (missing) return 'Ce champ est obligatoire.';
      if (issue.expected === 'int') return 'Saisissez un nombre entier.';
      if (issue.expected === 'number') return 'Saisissez un nombre.';
    }
    if (issue.code === 'too_small' && issue.origin === 'string') {
      return input === '' || Number(issue.minimum) <= 1 ? 'Ce champ est obligatoire.' : `Saisissez au moins ${issue.minimum} caractères.`;
    }
    if (issue.code === 'too_big' && issue.origin === 'string') return `Saisissez au plus ${issue.maximum} caractères.`;
    if (issue.code === 'too_small' && issue.origin === 'array') return `Choisissez au moins ${issue.minimum} élément.`;
    if (issue.code === 'too_big' && issue.origin === 'array') return `Au plus ${issue.maximum} éléments.`;
    if (issue.code === 'too_small' && issue.origin === 'number') return `La valeur doit être au moins ${issue.minimum}.`;
    if (issue.code === 'too_big' && issue.origin === 'number') return `La valeur doit être au plus ${issue.maximum}.`;
    return undefined;
  },
});

export { z };
