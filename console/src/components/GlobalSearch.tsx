import { useCombobox } from 'downshift';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../lib/graphql.ts';
import { useSettled } from '../lib/settled.ts';
import { GlobalSearchQuery } from './documents.ts';

type Hit = ResultOf<typeof GlobalSearchQuery>['search'][number];

/** How long the search waits after the last keystroke before asking the API. */
const searchDelayMs = 250;

/** The page of a hit's record, and what names it: its kind, its identifier and a detail. */
function describe(hit: Hit, t: (key: string) => string): { path: string; kind: string; name: string; detail: string } {
  if (hit.invoice)
    return {
      path: `/factures/${hit.invoice.id}`,
      kind: t('Facture'),
      name: hit.invoice.number ?? t('Brouillon'),
      detail: `${hit.invoice.contractor?.legalName ?? ''} ${hit.invoice.period}`.trim(),
    };
  if (hit.customerSubscription)
    return {
      path: `/raccordements/${hit.customerSubscription.id}`,
      kind: t('Raccordement'),
      name: hit.customerSubscription.orderReference,
      detail: '',
    };
  if (hit.site) return { path: `/sites/${hit.site.id}`, kind: t('Site'), name: hit.site.code, detail: hit.site.name };
  return {
    path: `/contractants/${hit.contractor!.id}`,
    kind: t('Contractant'),
    name: hit.contractor!.legalName,
    detail: hit.contractor!.nif,
  };
}

/**
 * The header's search box: a search-as-you-type combobox (WAI-ARIA pattern, through downshift, as
 * ContractorPicker) asking the API's `search` for the firms, sites, orders and invoices the viewer may
 * see whose number, code, reference or name holds what was typed; choosing one opens its page.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const text = useSettled(typed.trim(), searchDelayMs);
  const [result] = useQuery({ query: GlobalSearchQuery, variables: { text }, pause: text === '' });
  const items = text === '' ? [] : (result.data?.search ?? []);
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getLabelProps, reset } =
    useCombobox<Hit>({
      items,
      itemToString: () => '',
      itemToKey: (item) => (item ? describe(item, t).path : null),
      inputId: 'global-search',
      // The first result (an exact number first) is chosen as the results come: Enter opens it.
      defaultHighlightedIndex: 0,
      onInputValueChange: ({ inputValue }) => setTyped(inputValue),
      onSelectedItemChange: ({ selectedItem }) => {
        if (!selectedItem) return;
        reset();
        setTyped('');
        void navigate(describe(selectedItem, t).path);
      },
    });

  /** What the open list says of itself (read out by screen readers): searching, nothing found, or how many. */
  function statusText(): string {
    if (!isOpen || typed.trim() === '' || result.error) return '';
    if (typed.trim() !== text || (result.fetching && !result.data)) return t('Recherche…');
    if (items.length === 0) return t('Rien ne correspond à « {{text}} ».', { text });
    return t('Résultats : {{count}}.', { count: items.length });
  }

  return (
    <div className="picker global-search" role="search">
      <label className="visually-hidden" {...getLabelProps()}>
        {t('Rechercher un contractant, un site, une commande ou une facture')}
      </label>
      <div className="picker-control">
        <input
          dir="auto"
          {...getInputProps({
            type: 'search',
            maxLength: 100,
            spellCheck: false,
            placeholder: t('Rechercher (n°, nom, code…)'),
          })}
        />
        <div className="picker-popup">
          <ul {...getMenuProps()} className="picker-options" hidden={!isOpen || items.length === 0}>
            {isOpen &&
              items.map((item, index) => {
                const { path, kind, name, detail } = describe(item, t);
                return (
                  <li
                    key={path}
                    className={index === highlightedIndex ? 'picker-option picker-highlighted' : 'picker-option'}
                    {...getItemProps({ item, index })}
                  >
                    <span className="muted">{kind}</span> <span className="picker-name">{name}</span>{' '}
                    {detail && <span className="muted">{detail}</span>}
                  </li>
                );
              })}
          </ul>
          <p role="status" className="picker-status muted">
            {statusText()}
          </p>
        </div>
      </div>
    </div>
  );
}
