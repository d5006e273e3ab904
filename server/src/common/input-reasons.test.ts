import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputReasonOf, inputReasonTexts, type InputReason } from './input-reasons.js';

const serverSource = join(import.meta.dirname, '..');

/**
 * The server's source files that answer clients: tests left out, and what only the operator reads as
 * the server starts: its configuration (config.ts) and the import of the shipped reference data.
 */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const answersClients =
      !entry.name.endsWith('.test.ts') && !['config.ts', 'reference-data.import.ts'].includes(entry.name);
    return entry.name.endsWith('.ts') && answersClients ? [path] : [];
  });
}

/** A string literal ('…', "…" or `…`), its text in the first group that matched. */
const literal =
  String.raw`(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|` +
  '`' +
  String.raw`((?:\\.|[^` +
  '`' +
  String.raw`\\])*)` +
  '`)';

/**
 * Where the server writes why a value is refused: a zod check's `error`, a zod issue's `message`, the
 * reason of `badUserInput(field, reason)` and of a row an import refuses (`errors.push({ …, reason })`).
 */
const reasonSites = [
  new RegExp(String.raw`\berror:\s*` + literal, 'g'),
  new RegExp(String.raw`addIssue\(\{[^}]*?\bmessage:\s*` + literal, 'g'),
  new RegExp(String.raw`\bbadUserInput\(\s*[^,()]+,\s*` + literal, 'g'),
  new RegExp(String.raw`errors\.push\(\{[^}]*?\breason:\s*` + literal, 'g'),
];

describe('the reasons a refused value is given (InputReason)', () => {
  it('reads each reason back as its own code, with the values it names', () => {
    const misread = Object.entries(inputReasonTexts).flatMap(([code, text]) => {
      const names = [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!))];
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      const filled = text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name]!);
      const read = inputReasonOf(filled);
      return read.reasonCode === code && JSON.stringify(read.reasonParams) === JSON.stringify(params)
        ? []
        : [`${code}: read as ${read.reasonCode} ${JSON.stringify(read.reasonParams)}`];
    });
    expect(misread).toEqual([]);
  });

  it('takes the reason with the most fixed text when several fit, and INVALID for words it does not know', () => {
    expect(inputReasonOf('must be at most 200 characters')).toEqual({
      reasonCode: 'MAX_CHARACTERS',
      reasonParams: { max: '200' },
    });
    expect(inputReasonOf('must be at most 100,000')).toEqual({
      reasonCode: 'MAX_VALUE',
      reasonParams: { max: '100,000' },
    });
    expect(inputReasonOf('must be from 1 to 100 (got 0)')).toEqual({
      reasonCode: 'PAGE_SIZE_RANGE',
      reasonParams: { max: '100', value: '0' },
    });
    expect(inputReasonOf('the file has more than 5 rows; an import takes at most 6').reasonCode).toBe('INVALID');
    expect(inputReasonOf('Invalid input')).toEqual({ reasonCode: 'INVALID', reasonParams: {} });
  });

  it('has a code for every reason the server writes, so that no client shows its English as it is', () => {
    const unknown: string[] = [];
    for (const file of sourceFiles(serverSource)) {
      const text = readFileSync(file, 'utf8');
      for (const site of reasonSites) {
        for (const match of text.matchAll(site)) {
          const reason = (match[1] ?? match[2] ?? match[3]!).replace(/\$\{[^}]*\}/g, '7');
          const code: InputReason = inputReasonOf(reason).reasonCode;
          if (code === 'INVALID') unknown.push(`${relative(serverSource, file)}: ${reason}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});
