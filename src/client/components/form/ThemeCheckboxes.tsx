import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useThemes } from '../../api/reference.js';

/** The champs d'intervention as a checkbox group bound to one react-hook-form array field. */
export function ThemeCheckboxes({
  legend,
  hint,
  registration,
  errorMessage,
  keep = [],
}: {
  /** Codes to show even if the theme is no longer active (already chosen ones). */
  keep?: readonly string[];
  legend: string;
  hint?: string;
  registration: UseFormRegisterReturn;
  errorMessage?: string;
}) {
  const themes = useThemes();
  const list = (themes.data ?? []).filter((theme) => theme.active || keep.includes(theme.code));
  if (themes.isPending) return <p>Chargement des champs d’intervention…</p>;
  return (
    <Checkbox
      legend={legend}
      hintText={hint}
      orientation="horizontal"
      state={errorMessage ? 'error' : 'default'}
      stateRelatedMessage={errorMessage}
      options={list.map((theme) => ({
        label: theme.label,
        nativeInputProps: { ...registration, value: theme.code },
      }))}
    />
  );
}
