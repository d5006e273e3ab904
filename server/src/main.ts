import { createApp, type App } from './app.js';
import { createLogger } from './common/logger.js';
import { ConfigurationError, loadConfig, type Config } from './config.js';

/**
 * Entry point (`npm start`): validates the configuration (exit 1 naming every bad variable), starts
 * Raccord, and stops it gracefully on SIGTERM or SIGINT (exit 0; exit 1 when the shutdown fails or
 * outlasts SHUTDOWN_TIMEOUT_MS + 10 s). A signal while it still waits for the database stops the
 * wait and exits 0.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for what each variable means.\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Requests in flight get SHUTDOWN_TIMEOUT_MS; closing the ORM and the embedded database, 10 s more.
  const deadlineMs = config.SHUTDOWN_TIMEOUT_MS + 10_000;
  const startingAborted = new AbortController();
  let app: App | undefined;

  const stop = (running: App) => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Repeats are ignored: under `npm start`, a Ctrl-C reaches Node twice (from the terminal and from
    // npm). The deadline below bounds the shutdown instead.
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ afterMs: deadlineMs }, 'shutdown did not finish in time: exiting now');
      process.exit(1);
    }, deadlineMs).unref();
    // Still starting: the wait for the database stops, and start-up undoes what it began.
    if (app) stop(app);
    else startingAborted.abort(new Error(`${signal} while starting`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    app = await createApp(config, { logger, signal: startingAborted.signal });
  } catch (error) {
    if (startingAborted.signal.aborted) {
      logger.info('stopped while starting');
      process.exit(0);
    }
    logger.fatal({ err: error }, 'Raccord could not start');
    process.exit(1);
  }
  if (signalled) {
    // The signal came once the database answered, while the start-up finished: stop now.
    stop(app);
    return;
  }
  logger.info(
    { url: app.url, console: `${app.url}/`, graphql: `${app.url}/graphql` },
    `Raccord is listening on ${app.url}`,
  );
}

await main();
