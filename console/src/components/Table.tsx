import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One column of a `Table`: its header and what each row shows in it. */
export interface Column<Row> {
  /** The header: a French text marked with `msg(…)`, shown through `t`. */
  header: string;
  /** What `row` shows in this column. */
  cell: (row: Row) => ReactNode;
  /** Amounts and counts, aligned right. */
  numeric?: boolean;
  /** The test id of this column's cells, where the e2e tests read one. */
  testId?: string;
}

/**
 * A list's table: a header of `columns`, then one line a row, marked `rowTestId` for the e2e tests.
 * The feature tables (sites, customer subscriptions, invoices) define their columns once and each
 * list picks those it shows. A `stacked` table becomes, on a phone, one block a row, each cell under
 * its column's name (`data-label`), rather than a table to scroll sideways.
 */
export function Table<Row extends { id: string }>({
  rows,
  columns,
  rowTestId,
  stacked = false,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowTestId: string;
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className={stacked ? 'stacked' : undefined}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.numeric ? 'number' : undefined}>
              {t(column.header)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid={rowTestId}>
            {columns.map((column) => (
              <td
                key={column.header}
                className={column.numeric ? 'number' : undefined}
                data-testid={column.testId}
                data-label={stacked ? t(column.header) : undefined}
              >
                <bdi>{column.cell(row)}</bdi>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
