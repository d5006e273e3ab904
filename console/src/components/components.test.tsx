// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { useState, type FormEvent } from 'react';
import { CombinedError } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { problemsOf, type FieldProblem } from '../lib/errors.ts';
import { setLanguage } from '../lib/i18n.ts';
import { AuditActor } from './AuditActor.tsx';
import { EmptyState, NoMatch } from './EmptyState.tsx';
import { FormField } from './FormField.tsx';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from './FormProblems.tsx';
import { PagedSection, useListFilters } from './PagedList.tsx';
import { Pager } from './Pager.tsx';
import { QueryState } from './QueryState.tsx';
import { StepDue } from './StepDue.tsx';
import { Table, type Column } from './Table.tsx';

/** A refusal as urql hands it over from the API's answer. */
function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })] });
}

afterEach(async () => {
  cleanup();
  await act(() => setLanguage('fr'));
});

describe('QueryState', () => {
  it('says the page loads, then nothing once it has loaded', () => {
    const { rerender, container } = render(<QueryState fetching error={undefined} retry={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    rerender(<QueryState fetching={false} error={undefined} retry={() => undefined} />);
    expect(container.textContent).toBe('');
  });

  it('shows a skeleton shaped like what loads, busy, and says it loads to screen readers only', () => {
    const { container } = render(<QueryState shape="table" fetching error={undefined} retry={() => undefined} />);
    expect(screen.getByRole('status').className).toBe('visually-hidden');
    expect(container.querySelector('[aria-busy="true"]')?.className).toBe('skeleton-shape');
    expect(container.querySelectorAll('.skeleton-table .skeleton-row')).toHaveLength(5);
    expect(container.querySelectorAll('.skeleton-row')[0]!.children).toHaveLength(3);
  });

  it('says a refusal the user can act on in words, and retries when asked', () => {
    let retries = 0;
    render(
      <QueryState
        fetching={false}
        error={refusal('NOT_FOUND', 'site 9 not found', { field: 'id' })}
        retry={() => (retries += 1)}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('id : Introuvable, ou hors de votre périmètre.');
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(retries).toBe(1);
  });

  it('hides an unexpected error behind its reference, and a lost network behind a sentence', () => {
    const { rerender } = render(
      <QueryState
        fetching={false}
        error={refusal('INTERNAL_SERVER_ERROR', 'relation "x" does not exist', { correlationId: 'req-42' })}
        retry={() => undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Le serveur n’a pas pu répondre à cette demande.');
    expect(alert.textContent).toContain('Référence : req-42');
    expect(alert.textContent).not.toContain('relation');
    rerender(
      <QueryState
        fetching={false}
        error={new CombinedError({ networkError: new TypeError('Failed to fetch') })}
        retry={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Le serveur ne répond pas.');
  });

  it('speaks English once the user chose it', async () => {
    await act(() => setLanguage('en'));
    render(<QueryState fetching={false} error={refusal('FORBIDDEN', 'no')} retry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('Your role does not allow this action.');
    expect(screen.getByRole('button').textContent).toBe('Try again');
  });

  it('says which filter of the address was refused and what it must be, in French and in English', async () => {
    const wilaya = () =>
      refusal('BAD_USER_INPUT', 'filter.wilayaCode: must be the code of a wilaya, "01" to "58"', {
        field: 'filter.wilayaCode',
        reason: 'must be the code of a wilaya, "01" to "58"',
        reasonCode: 'WILAYA_CODE_RANGE',
        reasonParams: { first: '01', last: '58' },
      });
    render(<QueryState fetching={false} error={wilaya()} retry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'Wilaya : doit être le code d’une wilaya, de « 01 » à « 58 »',
    );
    cleanup();
    await act(() => setLanguage('en'));
    render(<QueryState fetching={false} error={wilaya()} retry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('Wilaya: must be the code of a wilaya, “01” to “58”');
  });
});

describe('problemsOf', () => {
  it('ties each of the server’s problems to its field, in French', () => {
    const error = refusal('BAD_USER_INPUT', 'input.email: must be an email address', {
      field: 'input.email',
      problems: [
        { field: 'input.email', reason: 'must be an email address', reasonCode: 'EMAIL', reasonParams: {} },
        {
          field: 'input.password',
          reason: 'must be at least 12 characters',
          reasonCode: 'MIN_CHARACTERS',
          reasonParams: { min: '12' },
        },
      ],
    });
    expect(problemsOf(error)).toEqual([
      { field: 'input.email', message: 'doit être une adresse e-mail' },
      { field: 'input.password', message: 'doit faire au moins 12 caractères' },
    ]);
  });

  it('names a value already taken by another record, and a stale version as someone else’s change', () => {
    expect(problemsOf(refusal('CONFLICT', 'nif taken', { field: 'nif' }))).toEqual([
      { field: 'nif', message: 'Cette valeur est déjà utilisée par un autre enregistrement.' },
    ]);
    expect(problemsOf(refusal('CONFLICT', 'stale', { field: 'expectedVersion' }))[0]!.message).toMatch(
      /modifiées entre-temps/,
    );
  });

  it('says what its code means, never the server’s English sentence', () => {
    expect(problemsOf(refusal('FORBIDDEN', 'An administrator cannot disable itself'))).toEqual([
      { field: null, message: 'Votre rôle ne permet pas cette action.' },
    ]);
    expect(
      problemsOf(
        refusal('BAD_USER_INPUT', 'input.email: is required', {
          field: 'email',
          reason: 'is required',
          reasonCode: 'REQUIRED',
          reasonParams: {},
        }),
      ),
    ).toEqual([{ field: 'email', message: 'est obligatoire' }]);
    // A reason this console does not know yet (a newer server), or none: the code's sentence, not the English.
    expect(
      problemsOf(
        refusal('BAD_USER_INPUT', 'paidOn: must be on a working day', {
          field: 'paidOn',
          reason: 'must be on a working day',
          reasonCode: 'WORKING_DAY',
        }),
      ),
    ).toEqual([{ field: 'paidOn', message: 'Une valeur saisie n’est pas valable : corrigez-la puis recommencez.' }]);
    expect(
      problemsOf(refusal('BAD_USER_INPUT', 'Variable "$input" of required type "X!" was not provided.'))[0]!.message,
    ).toBe('Une valeur saisie n’est pas valable : corrigez-la puis recommencez.');
    expect(problemsOf(refusal('QUERY_TOO_COMPLEX', 'This query would cost 30000, over the limit'))[0]!.message).toBe(
      'Cette demande porte sur trop de données à la fois : réduisez la page ou les filtres.',
    );
  });
});

describe('Pager', () => {
  it('offers the next page only when there is one, and the first page once past it', () => {
    const changes: string[][] = [];
    const { rerender } = render(
      <Pager
        cursors={[]}
        onChange={(cursors) => changes.push(cursors)}
        pageInfo={{ hasNextPage: true, endCursor: 'c1' }}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Première page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    rerender(
      <Pager
        cursors={['c1']}
        onChange={(cursors) => changes.push(cursors)}
        pageInfo={{ hasNextPage: false, endCursor: 'c2' }}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Page suivante' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Première page' }));
    expect(changes).toEqual([['c1'], []]);
  });
});

const fruitColumns: Column<{ id: string; name: string; kilos: string }>[] = [
  { header: 'Langue', cell: (row) => row.name },
  { header: 'Poids', cell: (row) => `${row.kilos} kg`, numeric: true, testId: 'weight' },
];

describe('Table', () => {
  it('heads each column with its translated header and gives each row a line, numbers aligned right', async () => {
    render(
      <Table
        rows={[
          { id: '1', name: 'Dattes', kilos: '12' },
          { id: '2', name: 'Figues', kilos: '3' },
        ]}
        columns={fruitColumns}
        rowTestId="fruit-row"
      />,
    );
    expect(screen.getAllByRole('columnheader').map((header) => [header.textContent, header.className])).toEqual([
      ['Langue', ''],
      ['Poids', 'number'],
    ]);
    expect(screen.getAllByTestId('fruit-row').map((row) => row.textContent)).toEqual(['Dattes12 kg', 'Figues3 kg']);
    expect(screen.getAllByTestId('weight').map((cell) => cell.className)).toEqual(['number', 'number']);
    await act(() => setLanguage('en'));
    expect(screen.getAllByRole('columnheader')[0]!.textContent).toBe('Language');
  });
});

describe('PagedSection', () => {
  const page = (names: string[], hasNextPage: boolean) => ({
    totalCount: 30,
    pageInfo: { hasNextPage, endCursor: 'c1' },
    edges: names.map((name) => ({ node: { id: name, name, kilos: '1' } })),
  });
  const section = (connection: ReturnType<typeof page> | undefined, fetching = false) => (
    <PagedSection
      id="fruits"
      title="Fruits"
      result={{ fetching }}
      retry={() => undefined}
      connection={connection}
      empty="Aucun fruit."
      count={(total) => `Fruits : ${total}`}
      cursors={[]}
      onCursorsChange={() => undefined}
    >
      {(fruits) => <Table rows={fruits} columns={fruitColumns} rowTestId="fruit-row" />}
    </PagedSection>
  );

  it('says it loads, then shows the count, the page’s rows and the pager; or the count and that the page is empty', () => {
    const { rerender } = render(section(undefined, true));
    expect(screen.getByRole('region', { name: 'Fruits' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    rerender(section(page(['Dattes'], true)));
    expect(screen.getByText('Fruits : 30')).toBeTruthy();
    expect(screen.getAllByTestId('fruit-row').map((row) => row.textContent)).toEqual(['Dattes1 kg']);
    expect(screen.getByRole('button', { name: 'Page suivante' })).toBeTruthy();
    rerender(section(page([], false)));
    expect(screen.getByText('Aucun fruit.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Fruits : 30');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('empty lists', () => {
  /** A list page's filters (a status whose default is "INSTALLED", a wilaya), the URL's query, and its empty state. */
  function FilteredList() {
    const { filtered, clearFilters } = useListFilters({ statut: 'INSTALLED' });
    const { search } = useLocation();
    return (
      <>
        <output>{search}</output>
        {filtered ? (
          <NoMatch title="Aucun fruit ne correspond." onClear={clearFilters} />
        ) : (
          <EmptyState title="Aucun fruit." next="Cueillez-en." />
        )}
      </>
    );
  }
  const at = (path: string) =>
    render(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/fruits" element={<FilteredList />} />
        </Routes>
      </MemoryRouter>,
    );

  it('offers to clear the filters of a filtered list, its defaults too; an unfiltered one says what comes next', () => {
    at('/fruits?wilaya=16');
    expect(screen.getByTestId('empty-state').textContent).toBe(
      'Aucun fruit ne correspond.Élargissez les filtres, ou effacez-les pour revoir toute la liste.Effacer les filtres',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(screen.getByRole('status').textContent).toBe('?statut=');
    expect(screen.getByTestId('empty-state').textContent).toBe('Aucun fruit.Cueillez-en.');
  });
});

/** A form of two fields that shows a refusal beside its fields and the rest in its alert, as the console's forms do. */
function ContactForm({ refuse }: { refuse: FieldProblem[] }) {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope, alert } = useFocusFirstProblem(problems);
  return (
    <form ref={scope} onSubmit={(event: FormEvent) => (event.preventDefault(), setProblems(refuse))}>
      <input aria-label="Autre champ" />
      <FormField id="email" label="Adresse e-mail" problem={problemOf(problems, 'email')}>
        {(attributes) => <input {...attributes} />}
      </FormField>
      <FormField id="phone" label="Téléphone" problem={problemOf(problems, 'phone')}>
        {(attributes) => <input {...attributes} />}
      </FormField>
      <ProblemsAlert ref={alert} problems={problems} fields={['email', 'phone']} />
      <button type="submit">Envoyer</button>
    </form>
  );
}

describe('FormField and useFocusFirstProblem', () => {
  it('labels its control, and after a refused submit marks it invalid, describes it by the problem and gives it the focus', () => {
    render(<ContactForm refuse={[{ field: 'input.email', message: 'doit être une adresse e-mail' }]} />);
    const input = screen.getByLabelText('Adresse e-mail');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'doit être une adresse e-mail',
    );
    expect(document.activeElement).toBe(input);
  });

  it('focuses the first field with a problem in the order of the page, whatever the order of the problems', () => {
    render(
      <ContactForm
        refuse={[
          { field: 'phone', message: 'doit être un numéro de téléphone algérien' },
          { field: 'email', message: 'doit être une adresse e-mail' },
        ]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Adresse e-mail'));
    expect(screen.getByLabelText('Téléphone').getAttribute('aria-invalid')).toBe('true');
  });

  it('says the problems of no field in an announced alert, and focuses it when no field has a problem', () => {
    render(<ContactForm refuse={[{ field: null, message: 'Votre rôle ne permet pas cette action.' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Votre rôle ne permet pas cette action.');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('AuditActor', () => {
  it('names who made a change and their organisation, with the e-mail only when the API gives it', async () => {
    const { container, rerender } = render(
      <AuditActor actor={{ name: 'Amine Benali', email: 'amine@at.dz', organisation: 'Algérie Télécom' }} />,
    );
    expect(container.textContent).toBe('par Amine Benali (Algérie Télécom) · amine@at.dz');
    expect(screen.getByRole('link', { name: 'amine@at.dz' }).getAttribute('href')).toBe('mailto:amine@at.dz');
    rerender(<AuditActor actor={{ name: 'Amine Benali', email: null, organisation: 'Algérie Télécom' }} />);
    expect(container.textContent).toBe('par Amine Benali (Algérie Télécom)');
    rerender(<AuditActor actor={{ name: null, email: null, organisation: null }} />);
    expect(container.textContent).toBe('par le système');
    await act(() => setLanguage('en'));
    rerender(<AuditActor actor={{ name: 'ERP finance', email: null, organisation: 'SARL Fibre du Hoggar' }} />);
    expect(container.textContent).toBe('by ERP finance (SARL Fibre du Hoggar)');
  });
});

describe('StepDue', () => {
  const steps = {
    REPORT_TO_DECISION: {
      due: 'Décision attendue avant le {{due}}',
      late: 'Décision en retard depuis le {{due}}',
    },
  };
  const clock = (step: string, state: string) => ({ step, state, dueAt: '2026-11-03T14:30:00Z' });

  it('says by when the running clock of one of its steps is due, or since when it is late, and nothing for the others', () => {
    const { container, rerender } = render(
      <StepDue
        clocks={[clock('ORDER_TO_ASSIGNMENT', 'RUNNING'), clock('REPORT_TO_DECISION', 'MET')]}
        steps={steps}
        testId="due"
        className="due"
      />,
    );
    expect(container.textContent).toBe('');
    rerender(<StepDue clocks={[clock('REPORT_TO_DECISION', 'RUNNING')]} steps={steps} testId="due" className="due" />);
    expect(screen.getByTestId('due').textContent).toBe('Décision attendue avant le 03/11/2026 15:30:00');
    expect(screen.getByTestId('due').className).toBe('due');
    rerender(
      <StepDue
        clocks={[clock('REPORT_TO_DECISION', 'RUNNING_LATE')]}
        steps={steps}
        testId="due"
        className="due"
        formatDue={(instant) => instant.slice(0, 10)}
      />,
    );
    expect(screen.getByTestId('due').textContent).toBe('Décision en retard depuis le 2026-11-03');
    expect(screen.getByTestId('due').className).toBe('due late');
  });
});
