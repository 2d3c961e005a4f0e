import { createHash } from "node:crypto";
import { isSealed, seal, unseal } from "@/lib/crypto/at-rest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "./errors";

const RETENTION_MS = 24 * 60 * 60 * 1000;
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;
// A claim this old whose request never finished (its process died) may be taken over.
const ABANDONED_MS = 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type RequestFingerprint = { method: string; path: string; body: string };

function hashRequest({ method, path, body }: RequestFingerprint) {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Answers may carry secrets shown once (a new webhook endpoint's whsec_…), so they are kept
// encrypted. Records written before that are plain JSON; they expire within a day.
const SEALED_FOR = "idempotent answers";

function replay(record: { status: number | null; responseBody: string | null }) {
  const body = record.responseBody && isSealed(record.responseBody) ? unseal(record.responseBody, SEALED_FOR) : record.responseBody;
  return new Response(body, {
    status: record.status ?? 500,
    headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
  });
}

async function claim(accountId: string, key: string, fingerprint: RequestFingerprint, requestHash: string) {
  try {
    const now = new Date();
    return await db.idempotencyRecord.create({
      data: { accountId, key, method: fingerprint.method, path: fingerprint.path, requestHash, expiresAt: new Date(now.getTime() + RETENTION_MS) },
      select: { id: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

// Runs `execute` once per (account, Idempotency-Key): a repeat with the same request replays the
// first answer, a repeat with another request is a 409, and concurrent repeats wait for the first.
export async function withIdempotency(
  accountId: string,
  key: string,
  fingerprint: RequestFingerprint,
  execute: () => Promise<Response>,
): Promise<Response> {
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError("invalid_request_error", "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 printable ASCII characters.", {
      param: "Idempotency-Key",
    });
  }
  const requestHash = hashRequest(fingerprint);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;

  for (;;) {
    const claimed = await claim(accountId, key, fingerprint, requestHash);
    if (claimed) return runClaimed(claimed.id, execute);

    const existing = await db.idempotencyRecord.findUnique({ where: { accountId_key: { accountId, key } } });
    if (!existing) continue;
    const age = Date.now() - existing.createdAt.getTime();
    if (existing.expiresAt.getTime() <= Date.now() || (existing.status === null && age > ABANDONED_MS)) {
      await db.idempotencyRecord.deleteMany({ where: { id: existing.id, status: existing.status } });
      continue;
    }
    if (existing.requestHash !== requestHash) {
      throw new ApiError(
        "conflict_error",
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
        { param: "Idempotency-Key" },
      );
    }
    if (existing.status !== null) return replay(existing);
    if (Date.now() >= deadline) {
      throw new ApiError("conflict_error", "idempotency_request_in_progress", "A request with this Idempotency-Key is still running. Retry shortly.", {
        param: "Idempotency-Key",
      });
    }
    await sleep(POLL_MS);
  }
}

async function runClaimed(recordId: string, execute: () => Promise<Response>): Promise<Response> {
  let response: Response;
  try {
    response = await execute();
  } catch (error) {
    await db.idempotencyRecord.delete({ where: { id: recordId } });
    throw error;
  }
  // Server errors are not remembered, so the client's retry gets a real second attempt.
  if (response.status >= 500) {
    await db.idempotencyRecord.delete({ where: { id: recordId } });
    return response;
  }
  await db.idempotencyRecord.update({
    where: { id: recordId },
    data: { status: response.status, responseBody: seal(await response.clone().text(), SEALED_FOR) },
  });
  return response;
}
