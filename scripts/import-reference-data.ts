import { communesCsvPath, importReferenceData } from '../server/src/modules/reference-data/reference-data.import.js';
import { readInputFile, withDatabase } from './with-database.js';

/**
 * `npm run reference-data:import [file.csv]`: loads wilayas, daïras and communes from the shipped
 * communes file (or `file.csv`, same columns) into the database, then prints what it loaded and
 * every row it could not use. Exits 1 when a row was left out. Migrations must have been applied.
 */
async function main(file: string): Promise<number> {
  const csv = await readInputFile(file);
  if (csv === undefined) return 2;
  return withDatabase(async (orm) => {
    const report = await importReferenceData(orm.em.fork(), csv);
    process.stdout.write(
      `${report.wilayas} wilayas, ${report.dairas} daïras, ${report.communes} communes imported from ${file}\n`,
    );
    for (const row of report.rejected) process.stdout.write(`line ${row.line}: not imported: ${row.reason}\n`);
    return report.rejected.length === 0 ? 0 : 1;
  });
}

process.exitCode = await main(process.argv[2] ?? communesCsvPath);
