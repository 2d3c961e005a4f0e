import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { resolveHostAddresses } from "./resolve-host";
import { checkWebhookUrl, forbiddenHostReason, UnsafeUrlError } from "./ssrf";

export const DELIVERY_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export type PostResult = {
  succeeded: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

// Validates the addresses the connection will actually use, so a DNS answer that changed since
// the URL was saved (DNS rebinding) cannot steer a delivery into our network. Resolves with
// c-ares (see resolve-host.ts), and the refusal names no address: it lands in the delivery log.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  resolveHostAddresses(hostname).then(
    (addresses) => {
      const forbidden = forbiddenHostReason(hostname, addresses);
      if (forbidden) return callback(Object.assign(new UnsafeUrlError(`Refused: ${forbidden}`), { code: "EUNSAFE" }), "", 0);
      const entries = addresses
        .map((address) => ({ address, family: isIP(address) }))
        .filter((entry) => !options.family || entry.family === options.family);
      if (entries.length === 0) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      if (options.all) return callback(null, entries as never);
      callback(null, entries[0].address, entries[0].family);
    },
    (error: Error) => callback(Object.assign(error, { code: (error as NodeJS.ErrnoException).code ?? "ENOTFOUND" }), "", 0),
  );
};

export function postWebhook(rawUrl: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = checkWebhookUrl(rawUrl);
    } catch (error) {
      return resolve({ succeeded: false, statusCode: null, durationMs: elapsed(), responseExcerpt: null, error: error instanceof UnsafeUrlError ? error.fieldMessage! : (error as Error).message });
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "User-Agent": "Switchboard-Webhooks/1" },
        lookup: guardedLookup,
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const statusCode = response.statusCode ?? null;
          resolve({
            succeeded: statusCode !== null && statusCode >= 200 && statusCode < 300,
            statusCode,
            durationMs: elapsed(),
            responseExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"),
            error: null,
          });
        };
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Only the excerpt matters: stop reading a large body.
          if (size >= EXCERPT_BYTES) response.destroy();
        });
        response.on("end", finish);
        response.on("close", finish);
      },
    );
    const fail = (message: string) => {
      request.destroy();
      resolve({ succeeded: false, statusCode: null, durationMs: elapsed(), responseExcerpt: null, error: message });
    };
    const deadline = setTimeout(() => fail(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`), DELIVERY_TIMEOUT_MS);
    request.on("timeout", () => fail(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`));
    request.on("error", (error) => fail(error instanceof UnsafeUrlError ? error.fieldMessage! : `Connection failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    request.on("close", () => clearTimeout(deadline));
    request.end(body);
  });
}
