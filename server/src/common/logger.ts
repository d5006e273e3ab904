import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

/**
 * The process' JSON logger (pino): one JSON object per line on stdout, or on `destination` when
 * given. Times are ISO 8601 UTC. Lines logged during a request carry its `reqId`.
 */
export function createLogger(level: Config['LOG_LEVEL'], destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'raccord' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
