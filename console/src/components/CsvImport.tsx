import { readFragment } from 'gql.tada';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, type CombinedError } from 'urql';
import { CommunesOfWilayaQuery } from '../features/contractors/documents.ts';
import { WilayasQuery } from '../features/reference-data/documents.ts';
import { problemsOf, reasonMessage, type FieldProblem } from '../lib/errors.ts';
import { formatCount } from '../lib/format.ts';
import type { FragmentOf, ResultOf } from '../lib/graphql.ts';
import { ImportReportFields } from './documents.ts';

/** A column of an import's CSV file: its name in the header, whether it is required and what it holds (a French text marked with `msg`). */
export interface ImportColumn {
  readonly name: string;
  readonly required: boolean;
  readonly content: string;
}

/** The sentences that name what an import creates (contractors, orders…), already in the console's language. */
export interface ImportTexts {
  /** Said when the file is refused: nothing was written. */
  readonly refused: string;
  /** How many records were created. */
  readonly created: (count: string) => string;
  /** How many rows were already known, and left as they are. */
  readonly skipped: (count: string) => string;
  /** Said when the file was read as Windows-1252: check the accents of what was created. */
  readonly windows1252: string;
}

/** The identifiers of a wilaya's communes, which the `commune_id` column takes. */
function CommuneIdentifiers() {
  const { t } = useTranslation();
  const [wilayaCode, setWilayaCode] = useState('');
  const [wilayas] = useQuery({ query: WilayasQuery });
  const [communes] = useQuery({ query: CommunesOfWilayaQuery, variables: { wilayaCode }, pause: !wilayaCode });
  return (
    <details>
      <summary>{t('Trouver l’identifiant d’une commune')}</summary>
      <label className="field">
        {t('Wilaya')}
        <select value={wilayaCode} onChange={(event) => setWilayaCode(event.target.value)}>
          <option value="">{t('Choisir…')}</option>
          {(wilayas.data?.wilayas ?? []).map((wilaya) => (
            <option key={wilaya.code} value={wilaya.code}>
              {wilaya.code} — {wilaya.name}
            </option>
          ))}
        </select>
      </label>
      {communes.error && <p className="state state-error">{t('Les communes n’ont pas pu être chargées.')}</p>}
      {communes.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">commune_id</th>
              <th scope="col">{t('Commune')}</th>
            </tr>
          </thead>
          <tbody>
            {communes.data.communes.map((commune) => (
              <tr key={commune.id}>
                <td>
                  <bdi>{commune.id}</bdi>
                </td>
                <td>
                  <bdi>
                    {commune.name} — <span lang="ar">{commune.nameAr}</span>
                  </bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** The API's default size of an import's request (MAX_IMPORT_BODY_BYTES, 10 MiB) less room for the request around the file. */
const largestFileBytes = 10 * 1024 * 1024 - 64 * 1024;

/**
 * The text of a CSV file: UTF-8 when it is (a BOM dropped), else Windows-1252 — what Excel writes for
 * "CSV (séparateur : point-virgule)" on a French Windows —, said so that the user checks the accents.
 */
function decodeCsv(bytes: ArrayBuffer): { csv: string; windows1252: boolean } {
  try {
    return { csv: new TextDecoder('utf-8', { fatal: true }).decode(bytes), windows1252: false };
  } catch {
    return { csv: new TextDecoder('windows-1252').decode(bytes), windows1252: true };
  }
}

/**
 * A CSV import (administrators): the template to download (the header line of `columns`), the file
 * read in the browser and its text sent through `send`; all or nothing, so the answer is either what
 * was created and what was already known, or every problem of every row (one line of the table each,
 * so a row with two problems has two, each translated from the server's reason), with nothing
 * written. Then the columns, and a way to find a commune's identifier.
 */
export function CsvImport({
  columns,
  templateFileName,
  send,
  texts,
}: {
  columns: readonly ImportColumn[];
  templateFileName: string;
  send: (
    csv: string,
  ) => Promise<{ report: FragmentOf<typeof ImportReportFields> | null; error?: CombinedError | undefined }>;
  texts: ImportTexts;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ResultOf<typeof ImportReportFields> | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [answers, setAnswers] = useState(0);
  const [windows1252, setWindows1252] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${columns.map((column) => column.name).join(',')}\n`)}`;

  // Once the server has answered, bring what it said to the user's attention.
  useEffect(() => {
    if (answers > 0) outcome.current?.focus();
  }, [answers]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReport(null);
    if (!file) {
      setProblems([{ field: 'file', message: t('Choisissez un fichier CSV.') }]);
      fileInput.current?.focus();
      return;
    }
    if (file.size > largestFileBytes) {
      setProblems([{ field: 'file', message: t('Ce fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.') }]);
      fileInput.current?.focus();
      return;
    }
    let read: { csv: string; windows1252: boolean };
    try {
      read = decodeCsv(await file.arrayBuffer());
    } catch {
      setProblems([{ field: 'file', message: t('Ce fichier n’a pas pu être lu.') }]);
      fileInput.current?.focus();
      return;
    }
    setWindows1252(read.windows1252);
    setImporting(true);
    const result = await send(read.csv);
    setImporting(false);
    setProblems(result.error ? problemsOf(result.error) : []);
    setReport(readFragment(ImportReportFields, result.report));
    setAnswers((count) => count + 1);
  }

  const fileProblem = problems.find((problem) => problem.field === 'file');
  const otherProblems = problems.filter((problem) => problem.field !== 'file');

  return (
    <>
      <p>
        <a href={templateHref} download={templateFileName}>
          {t('Télécharger le modèle (la ligne d’en-tête)')}
        </a>
      </p>

      <form onSubmit={submit} className="reason-form" noValidate>
        <label htmlFor="import-file">{t('Fichier CSV')}</label>
        <input
          ref={fileInput}
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setProblems([]);
          }}
          aria-invalid={fileProblem ? true : undefined}
          aria-describedby={fileProblem ? 'import-file-problem' : undefined}
        />
        {fileProblem && (
          <span id="import-file-problem" className="field-problem">
            {fileProblem.message}
          </span>
        )}
        <div className="form-actions">
          <button type="submit" disabled={importing}>
            {importing ? t('Import en cours…') : t('Importer')}
          </button>
        </div>
      </form>

      <div ref={outcome} tabIndex={-1} className="import-outcome">
        {report && windows1252 && (
          <p className="state" data-testid="import-encoding">
            {texts.windows1252}
          </p>
        )}
        {otherProblems.length > 0 && (
          <div role="alert" className="state state-error">
            {otherProblems.map((problem) => (
              <p key={`${problem.field}-${problem.message}`}>{problem.message}</p>
            ))}
          </div>
        )}
        {report && report.errorCount === 0 && (
          <div role="status" className="state" data-testid="import-success">
            <p>{t('Import réussi.')}</p>
            <ul>
              <li>{t('Lignes lues : {{count}}', { count: formatCount(report.rows) })}</li>
              <li>{texts.created(formatCount(report.created))}</li>
              <li>{texts.skipped(formatCount(report.skipped))}</li>
            </ul>
          </div>
        )}
        {report && report.errorCount > 0 && (
          <div role="alert" className="state state-error" data-testid="import-refused">
            <p>
              <strong>{texts.refused}</strong>{' '}
              {t('Corrigez les lignes ci-dessous puis importez à nouveau le fichier entier.')}
            </p>
            <p data-testid="import-error-count">
              {t('Problèmes : {{count}}', { count: formatCount(report.errorCount) })}
            </p>
            {report.errors.length < report.errorCount && (
              <p>{t('Seuls les {{shown}} premiers sont listés.', { shown: formatCount(report.errors.length) })}</p>
            )}
          </div>
        )}
        {report && report.errors.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('Problèmes du fichier, ligne par ligne')}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('Ligne')}
                </th>
                <th scope="col">{t('Colonne')}</th>
                <th scope="col">{t('Problème')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={`${error.line}-${error.field ?? ''}-${index}`} data-testid="import-error-row">
                  <td className="number">
                    <bdi>{error.line}</bdi>
                  </td>
                  <td>
                    <bdi>{error.field ?? '—'}</bdi>
                  </td>
                  <td>
                    <bdi>{reasonMessage(error)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <h2>{t('Colonnes du fichier')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('Colonne')}</th>
            <th scope="col">{t('Obligatoire')}</th>
            <th scope="col">{t('Contenu')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.name}>
              <td>
                <code>{column.name}</code>
              </td>
              <td>
                <bdi>{column.required ? t('oui') : t('non')}</bdi>
              </td>
              <td>
                <bdi>{t(column.content)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CommuneIdentifiers />
    </>
  );
}
