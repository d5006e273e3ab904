import { useCombobox } from 'downshift';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../lib/graphql.ts';
import { useSettled } from '../lib/settled.ts';
import { ContractorChoicesQuery } from './documents.ts';
import { QueryState } from './QueryState.tsx';

type Choice = ResultOf<typeof ContractorChoicesQuery>['contractors']['edges'][number]['node'];

/** How long the picker waits after the last keystroke before asking the API. */
const searchDelayMs = 250;

/**
 * The choice of one ACTIVE contractor among thousands (optionally those operating in `wilayaCode`):
 * a search-as-you-type combobox (WAI-ARIA pattern, through downshift) asking the API for the first 20
 * firms whose legal name, trade name or NIF holds what was typed, each shown with its NIF. `value` is
 * the chosen firm's id ('' for none; the picker shows the firm it chose itself). The input gets `id`,
 * is labelled by the element `<id>-label` (FormField's label) and takes `aria-invalid` and
 * `aria-describedby` like the form's other controls. A `value` the page holds before the picker chose
 * it (a filter opened by a link, a page reloaded) is shown once the page has read that firm (`known`).
 */
export function ContractorPicker({
  id,
  value,
  onChange,
  wilayaCode,
  known,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
}: {
  id: string;
  value: string;
  onChange: (contractorId: string) => void;
  wilayaCode?: string | undefined;
  known?: Choice | null | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  // The firms are asked for once the field is first focused, not when the form opens.
  const [wanted, setWanted] = useState(false);
  const search = useSettled(typed.trim(), searchDelayMs);
  const [result, reexecute] = useQuery({
    query: ContractorChoicesQuery,
    variables: { search: search || null, wilayaCode: wilayaCode ?? null },
    pause: !wanted,
    requestPolicy: 'cache-and-network',
  });
  const items = result.data?.contractors.edges.map((edge) => edge.node) ?? [];
  const input = useRef<HTMLInputElement>(null);
  const { isOpen, highlightedIndex, selectedItem, getInputProps, getMenuProps, getItemProps, selectItem, openMenu } =
    useCombobox<Choice>({
      items,
      itemToString: (item) => item?.legalName ?? '',
      itemToKey: (item) => item?.id,
      inputId: id,
      labelId: `${id}-label`,
      menuId: `${id}-listbox`,
      getItemId: (index) => `${id}-option-${index}`,
      onInputValueChange: ({ inputValue }) => setTyped(inputValue),
      onSelectedItemChange: ({ selectedItem: chosen }) => onChange(chosen?.id ?? ''),
      // Typing over the chosen firm's name starts a new search: the firm is no longer chosen.
      stateReducer: (state, { type, changes }) =>
        type === useCombobox.stateChangeTypes.InputChange && state.selectedItem
          ? { ...changes, selectedItem: null }
          : changes,
    });

  // The form emptied its value (a reset): the picker lets go of its firm too.
  useEffect(() => {
    if (value === '' && selectedItem) selectItem(null);
    // Only a change of the form's value matters; the picker's own choice reaches the form first.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  // The page read the firm its value names: the picker shows it as chosen, its name in the field.
  useEffect(() => {
    if (known && known.id === value && selectedItem?.id !== value) selectItem(known);
    // Only the page's reading of its firm matters; the picker's own choice already shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known, value]);

  /** What the open list says of itself (read out by screen readers): searching, nothing found, or how many. */
  function statusText(): string {
    if (!isOpen || result.error) return '';
    if (typed.trim() !== search || (result.fetching && !result.data)) return t('Recherche des contractants…');
    if (items.length === 0) {
      if (search) return t('Aucun contractant actif ne correspond à « {{search}} ».', { search });
      return wilayaCode
        ? t('Aucun contractant actif dans cette wilaya.')
        : t('Aucun contractant actif pour l’instant.');
    }
    return result.data?.contractors.pageInfo.hasNextPage
      ? t('Contractants proposés : {{count}}. D’autres correspondent : précisez le nom ou le NIF.', {
          count: items.length,
        })
      : t('Contractants proposés : {{count}}.', { count: items.length });
  }
  const chosenId = `${id}-chosen`;
  // downshift tells the form of a choice in an effect, after the render that shows it: the choice is
  // shown once the form holds it, so that what the user sees is what Enter submits.
  const chosen = selectedItem && selectedItem.id === value ? selectedItem : null;

  return (
    <div className="picker">
      <div className="picker-control">
        <input
          dir="auto"
          // downshift's prop getter is handed the ref object, and reads it in its effects, not while rendering.
          // eslint-disable-next-line react-hooks/refs
          {...getInputProps({
            ref: input,
            type: 'text',
            maxLength: 100,
            spellCheck: false,
            placeholder: t('Tapez une partie du nom ou du NIF'),
            'aria-invalid': invalid || undefined,
            'aria-describedby': [describedBy, chosen ? chosenId : null].filter(Boolean).join(' ') || undefined,
            onFocus: () => setWanted(true),
          })}
        />
        <div className="picker-popup">
          <ul {...getMenuProps()} className="picker-options" hidden={!isOpen || items.length === 0}>
            {isOpen &&
              items.map((item, index) => (
                <li
                  key={item.id}
                  className={index === highlightedIndex ? 'picker-option picker-highlighted' : 'picker-option'}
                  {...getItemProps({ item, index })}
                >
                  <span className="picker-name">{item.legalName}</span>
                  {item.tradeName ? <span> « {item.tradeName} »</span> : null}{' '}
                  <span className="picker-nif muted">{t('NIF {{nif}}', { nif: item.nif })}</span>
                </li>
              ))}
          </ul>
          <p role="status" className="picker-status muted">
            {statusText()}
          </p>
        </div>
      </div>
      {result.error && (
        <QueryState fetching={false} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {chosen && (
        <p className="picker-chosen">
          <span id={chosenId}>
            {t('Contractant choisi : {{name}}, NIF {{nif}}.', { name: chosen.legalName, nif: chosen.nif })}
          </span>{' '}
          <button
            type="button"
            onClick={() => {
              selectItem(null);
              input.current?.focus();
              openMenu();
            }}
          >
            {t('Changer de contractant')}
          </button>
        </p>
      )}
    </div>
  );
}
