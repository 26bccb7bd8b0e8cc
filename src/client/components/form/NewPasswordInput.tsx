import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { passwordHints } from './password-hints.js';

type Props = {
  label: string;
  value: string;
  email?: string;
  /** Error from the form or the server: the unmet rules are then shown as errors. */
  error?: string;
  registration: UseFormRegisterReturn;
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A new password, with the policy's rules as live hints (met / not yet / in error after a submit). */
export function NewPasswordInput({ label, value, email, error, registration }: Props) {
  const hints = passwordHints(value, email);
  const rulesBroken = hints.some((h) => !h.met);
  const messages = hints.map(({ rule, met }) => ({
    severity: met ? ('valid' as const) : error ? ('error' as const) : ('info' as const),
    message: capitalize(rule),
  }));
  // A message the rules do not explain (e.g. from the server) comes first.
  if (error && !rulesBroken) messages.unshift({ severity: 'error', message: error });
  return (
    <PasswordInput
      className="fr-mb-4w"
      label={label}
      messagesHint="Le mot de passe doit respecter ces règles :"
      messages={messages}
      nativeInputProps={{ ...registration, autoComplete: 'new-password', maxLength: 200, 'aria-invalid': error ? true : undefined }}
    />
  );
}
