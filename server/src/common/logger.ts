import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

/**
 * The process' JSON logger (pino): one JSON object per line on stdout, or on `destination` when
 * given. Times are ISO 8601 UTC. Lines logged during a request carry its `reqId`.
 */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'raccord' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
