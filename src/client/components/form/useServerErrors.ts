import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/http.js';

export type ServerErrorState = {
  error: Error;
  /** Field messages whose path is not a field of the form. */
  otherMessages: string[];
};

/**
 * Puts the server's `error.fields` on the form fields (path "territoryCodes.2" → field
 * "territoryCodes") and keeps the rest for the alert at the top of the form.
 */
export function useServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldNames: readonly Path<T>[]) {
  const [state, setState] = useState<ServerErrorState | null>(null);

  const handle = (error: unknown) => {
    const otherMessages: string[] = [];
    if (error instanceof ApiError) {
      let first = true;
      for (const field of error.fields) {
        const name = fieldNames.find((n) => field.path === n || field.path.startsWith(`${n}.`));
        if (name) {
          setError(name, { type: 'server', message: field.message }, { shouldFocus: first });
          first = false;
        } else {
          otherMessages.push(field.message);
        }
      }
    }
    setState({ error: error instanceof Error ? error : new Error('Erreur inconnue.'), otherMessages });
  };

  return { serverError: state, handleServerError: handle, clearServerError: () => setState(null) };
}
