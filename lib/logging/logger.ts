import { Writable } from "node:stream";
import pino, { type DestinationStream, type Logger } from "pino";
import { env, isDevelopment } from "@/lib/env";

// One JSON object per line on stdout (what log shippers read); in development the same lines are
// reformatted for people by the small formatter below, so no pretty-printer ships with the app.

function readableLine(line: string): string {
  const { level, time, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
  const clock = typeof time === "string" ? time.slice(11, 23) : new Date().toISOString().slice(11, 23);
  const rest = Object.entries(fields)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  return `${clock} ${String(level).toUpperCase().padEnd(5)} ${msg ?? ""}${rest ? ` ${rest}` : ""}\n`;
}

function developmentStream(): DestinationStream {
  return new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) process.stdout.write(readableLine(line));
      done();
    },
  });
}

// Synchronous writes: a line is on its way before the process can be killed.
function destination(): DestinationStream {
  return isDevelopment() ? developmentStream() : pino.destination({ dest: 1, sync: true });
}

// Shared across Next.js's separately bundled copies of this module, like the rate limiters.
const shared = globalThis as unknown as { switchboardLoggers?: { logger: Logger; untimed: Logger } };

function createLoggers() {
  const options = { level: env().LOG_LEVEL, base: undefined, formatters: { level: (label: string) => ({ level: label }) } };
  const stream = destination();
  return {
    logger: pino({ ...options, timestamp: pino.stdTimeFunctions.isoTime }, stream),
    // For records that carry their own `time` (api-request-log.ts).
    untimed: pino({ ...options, timestamp: false }, stream),
  };
}

const loggers = (shared.switchboardLoggers ??= createLoggers());

export const logger = loggers.logger;
export const untimedLogger = loggers.untimed;
