import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { InvalidInputError } from "@/lib/errors/domain-errors";
import { checkWebhookUrl, forbiddenAddressReason, unsafeUrl } from "./ssrf";

export const DELIVERY_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export type PostResult = {
  succeeded: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

// Why an unsafe URL was refused: the reason alone, without the "url: " an API client is shown.
const refusalOf = (error: unknown) => (error instanceof InvalidInputError ? error.fieldMessage : undefined);

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

// Validates the addresses the connection will actually use, so a DNS answer that changed since
// the URL was saved (DNS rebinding) cannot steer a delivery into our network.
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const forbidden = addresses.map((entry) => forbiddenAddressReason(entry.address)).find(Boolean);
    if (forbidden) return callback(unsafeUrl(`Refused: ${forbidden}`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

export function postWebhook(rawUrl: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = checkWebhookUrl(rawUrl);
    } catch (error) {
      return resolve({ succeeded: false, statusCode: null, durationMs: elapsed(), responseExcerpt: null, error: refusalOf(error) ?? (error as Error).message });
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "User-Agent": "Switchboard-Webhooks/1" },
        lookup: guardedLookup as never,
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
    request.on("error", (error) => fail(refusalOf(error) ?? `Connection failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    request.on("close", () => clearTimeout(deadline));
    request.end(body);
  });
}
