// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractorPicker } from './ContractorPicker.tsx';

const firms = [
  { id: '7', legalName: 'SARL Zéphyr Oranie', tradeName: null, nif: '400000000000901' },
  { id: '9', legalName: 'SARL Zéphyr Raccordements', tradeName: 'Zéphyr', nif: '098765432100017' },
];

/** A client whose API answers each contractors query from `firms` (or fails), recording the variables it was asked. */
function fakeApi(fail = false) {
  const asked: Record<string, unknown>[] = [];
  const client = new Client({
    url: 'http://api.test/graphql',
    exchanges: [fetchExchange],
    fetch: async (url, init) => {
      // urql sends a query by GET, its variables in the URL, when it fits; by POST otherwise.
      const variables: { search: string | null } = init?.body
        ? (JSON.parse(String(init.body)) as { variables: { search: string | null } }).variables
        : JSON.parse(new URL(String(url)).searchParams.get('variables') ?? '{}');
      asked.push(variables);
      if (fail) return new Response(JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'req-1' } }] }), { headers: { 'content-type': 'application/json' } });
      const found = firms.filter((firm) => !variables.search || firm.legalName.includes(variables.search) || firm.nif.includes(variables.search));
      const edges = found.map((node) => ({ __typename: 'ContractorEdge', node: { __typename: 'Contractor', ...node } }));
      const data = { contractors: { __typename: 'ContractorConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: false }, edges } };
      return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, asked };
}

/** The picker in a form that shows its value and can empty it, as the console's forms do. */
function Form({ client }: { client: Client }) {
  const [value, setValue] = useState('');
  return (
    <Provider value={client}>
      <label id="firm-label" htmlFor="firm">
        Firme
      </label>
      <ContractorPicker id="firm" wilayaCode="16" value={value} onChange={setValue} aria-invalid={false} />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('')}>
        Vider
      </button>
    </Provider>
  );
}

afterEach(cleanup);

describe('ContractorPicker', () => {
  it('asks the API once typing pauses, offers each firm with its NIF, and chooses one with the keyboard', async () => {
    const { client, asked } = fakeApi();
    render(<Form client={client} />);
    const input = screen.getByRole('combobox', { name: 'Firme' });
    expect(input.getAttribute('aria-controls')).toBe('firm-listbox');
    expect(screen.getByRole('listbox', { hidden: true }).getAttribute('aria-labelledby')).toBe('firm-label');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Zé' } });
    fireEvent.change(input, { target: { value: 'Zéphyr' } });
    await screen.findByText('Contractants proposés : 2.');
    expect(asked.filter((variables) => variables['search'] === 'Zé')).toEqual([]);
    expect(asked.at(-1)).toEqual({ search: 'Zéphyr', wilayaCode: '16' });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['SARL Zéphyr Oranie NIF 400000000000901', 'SARL Zéphyr Raccordements « Zéphyr » NIF 098765432100017']);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('firm-option-1');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('value').textContent).toBe('9');
    expect((input as HTMLInputElement).value).toBe('SARL Zéphyr Raccordements');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBe('firm-chosen');
    expect(screen.getByText('Contractant choisi : SARL Zéphyr Raccordements, NIF 098765432100017.')).toBeTruthy();

    // Typing over the chosen name is a new search: nothing is chosen any more.
    fireEvent.change(input, { target: { value: 'SARL Zéphyr Raccordement' } });
    expect(screen.getByTestId('value').textContent).toBe('');
    expect((input as HTMLInputElement).value).toBe('SARL Zéphyr Raccordement');
  });

  it('lets go of its firm when the form empties the value, and says when nothing matches', async () => {
    const { client } = fakeApi();
    render(<Form client={client} />);
    const input = screen.getByRole('combobox', { name: 'Firme' });
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '0987' } });
    await screen.findByText('Contractants proposés : 1.');
    fireEvent.click(screen.getByRole('option'));
    expect(screen.getByTestId('value').textContent).toBe('9');
    fireEvent.click(screen.getByRole('button', { name: 'Vider' }));
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
    expect(screen.queryByText(/Contractant choisi/)).toBeNull();

    fireEvent.change(input, { target: { value: 'Tassili' } });
    await screen.findByText('Aucun contractant actif ne correspond à « Tassili ».');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('says when the firms could not be loaded, and offers to try again', async () => {
    const { client, asked } = fakeApi(true);
    render(<Form client={client} />);
    const input = screen.getByRole('combobox', { name: 'Firme' });
    fireEvent.focus(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Référence : req-1');
    const before = asked.length;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(asked.length).toBe(before + 1));
  });
});
