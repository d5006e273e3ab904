import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * `node dist/scripts/bench/field-bundle.js [DIR]` (issue 15, "the field view's JavaScript under 200 KB
 * compressed"): the JavaScript a phone downloads to show /terrain's list the first time, from the
 * built console (DIR, default dist/console): the entry and what `index.html` preloads, the field
 * view's chunk (`FieldRoutes-*.js`), and every chunk these import statically, each gzip-compressed
 * (level 6, as the server's compression middleware sends it). Chunks loaded later (`import()`: the
 * report and failure forms, the barcode reader) are listed apart, not counted.
 */

/** The chunks `code` imports statically (`import … from "./x.js"`, `import "./x.js"`), as file names in the same folder. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g))
    found.add(match[1]!);
  for (const match of code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
    found.add(match[1]!);
  return [...found];
}

/** The chunks `code` may load later (`import("./x.js")`). */
function dynamicImports(code: string): string[] {
  return [...new Set([...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((match) => match[1]!))];
}

export interface FieldBundle {
  /** Every chunk of the first load, with its size gzip-compressed, largest first. */
  readonly chunks: { readonly file: string; readonly gzipBytes: number }[];
  readonly totalGzipBytes: number;
  readonly totalGzipKiB: number;
  /** The chunks the field view's chunk loads on demand, with the size each adds gzip-compressed. */
  readonly onDemand: { readonly file: string; readonly gzipBytes: number }[];
}

/** The field view's first-load JavaScript in the built console at `dir`. */
export function fieldBundle(dir = 'dist/console'): FieldBundle {
  const assets = join(dir, 'assets');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/assets\/([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  const field = readdirSync(assets).find((file) => /^FieldRoutes-[\w-]+\.js$/.test(file));
  if (roots.length === 0 || !field)
    throw new Error(`no entry or no FieldRoutes chunk in ${dir}: build the console first (npm run build:console)`);
  const code = (file: string) => readFileSync(join(assets, file), 'utf8');
  const closure = (starts: string[]) => {
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...staticImports(code(file)));
    }
    return seen;
  };
  const first = closure([...roots, field]);
  const gzipBytes = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 6 }).length;
  const chunks = [...first]
    .map((file) => ({ file, gzipBytes: gzipBytes(file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  // What the field view's own chunks load on demand, and what those load in turn (not the office pages the entry loads).
  const entry = closure(roots);
  const later = new Set<string>();
  const queue = [...first].filter((file) => !entry.has(file));
  while (queue.length > 0) {
    for (const lazy of dynamicImports(code(queue.shift()!))) {
      for (const chunk of closure([lazy])) {
        if (first.has(chunk) || later.has(chunk)) continue;
        later.add(chunk);
        queue.push(chunk);
      }
    }
  }
  const onDemand = [...later]
    .map((file) => ({ file, gzipBytes: gzipBytes(file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const totalGzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return { chunks, totalGzipBytes, totalGzipKiB: Number((totalGzipBytes / 1024).toFixed(1)), onDemand };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(fieldBundle(process.argv[2]), null, 2)}\n`);
}
