import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Territory } from '../../shared/api/index.js';
import { TERRITORY_KIND_LABELS } from '../../shared/enums.js';
import { formatInteger } from '../../shared/format.js';
import { useTerritorySearch } from '../api/reference.js';
import { useDebouncedValue } from './useDebouncedValue.js';

type Props = {
  label: string;
  hint?: string;
  /** Codes already chosen: they are not suggested again. */
  excludeCodes?: readonly string[];
  onSelect: (territory: Territory) => void;
  errorMessage?: string;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
};

export function describeTerritory(t: Territory): string {
  const parts = [TERRITORY_KIND_LABELS[t.kind], t.code];
  if (t.population !== null) parts.push(`${formatInteger(t.population)} hab.`);
  return parts.join(' · ');
}

/**
 * Search-as-you-type over /territories, following the ARIA 1.2 combobox pattern: type at least
 * two letters, move with the arrow keys, Enter to choose, Escape to close.
 */
export function TerritoryCombobox({ label, hint, excludeCodes = [], onSelect, errorMessage, inputRef, onBlur }: Props) {
  const id = useId();
  const listId = `${id}-options`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announce, setAnnounce] = useState('');
  const query = useDebouncedValue(text);
  const search = useTerritorySearch(query);
  const options = (search.data ?? []).filter((t) => !excludeCodes.includes(t.code));
  const searching = query.trim().length >= 2;
  const expanded = open && searching && options.length > 0;

  const choose = (territory: Territory) => {
    onSelect(territory);
    setText('');
    setOpen(false);
    setActive(-1);
    setAnnounce(`${territory.name} ajouté.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + count) % count);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const option = options[Math.max(active, 0)];
      if (option) choose(option);
    } else if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      if (!expanded) setText('');
      setOpen(false);
      setActive(-1);
    }
  };

  const status = !searching
    ? ''
    : search.isFetching
      ? 'Recherche en cours…'
      : options.length === 0
        ? 'Aucun territoire trouvé.'
        : `${options.length} territoire${options.length > 1 ? 's' : ''} trouvé${options.length > 1 ? 's' : ''}, utilisez les flèches pour parcourir la liste.`;

  return (
    <div className="ctg-combobox">
      <Input
        label={label}
        hintText={hint}
        state={errorMessage ? 'error' : 'default'}
        stateRelatedMessage={errorMessage}
        nativeInputProps={{
          ref: inputRef,
          type: 'text',
          role: 'combobox',
          autoComplete: 'off',
          'aria-autocomplete': 'list',
          'aria-expanded': expanded,
          'aria-controls': listId,
          'aria-activedescendant': expanded && active >= 0 ? `${listId}-${active}` : undefined,
          value: text,
          onChange: (event) => {
            setText(event.target.value);
            setAnnounce('');
            setOpen(true);
            setActive(-1);
          },
          onKeyDown,
          onBlur: () => {
            setOpen(false);
            onBlur?.();
          },
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="ctg-combobox__list" hidden={!expanded}>
        {options.map((territory, index) => (
          <li
            key={territory.code}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="ctg-combobox__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(territory)}
          >
            {territory.name}{' '}
            <span className="ctg-combobox__option-detail">{describeTerritory(territory)}</span>
          </li>
        ))}
      </ul>
      <p className="fr-sr-only" aria-live="polite">
        {announce || status}
      </p>
    </div>
  );
}
