import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { createLogger } from '../server/src/common/logger.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database/database.js';
import { initOrm } from '../server/src/database/orm.js';
import { communesCsvPath, importReferenceData } from '../server/src/modules/reference-data/reference-data.import.js';

/**
 * `npm run reference-data:import [file.csv]`: loads wilayas, daïras and communes from the shipped
 * communes file (or `file.csv`, same columns) into the database, then prints what it loaded and
 * every row it could not use. Exits 1 when a row was left out. Migrations must have been applied.
 */
async function main(file: string): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  const orm = await initOrm({ databaseUrl: database.url, logger, poolMax: 2 });
  try {
    const report = await importReferenceData(orm.em.fork(), await readFile(file, 'utf8'));
    process.stdout.write(`${report.wilayas} wilayas, ${report.dairas} daïras, ${report.communes} communes imported from ${file}\n`);
    for (const row of report.rejected) process.stdout.write(`line ${row.line}: not imported: ${row.reason}\n`);
    return report.rejected.length === 0 ? 0 : 1;
  } finally {
    await orm.close();
    await database.stop();
  }
}

process.exitCode = await main(process.argv[2] ?? communesCsvPath);
