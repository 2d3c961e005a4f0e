import { db } from "@/lib/db";
import type { AuditActor, RequestOrigin } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashApiKey } from "@/lib/api-keys/hash";
import type { PendingWebhookEvent } from "@/lib/webhooks/outbox";
import { emitWebhookEvents } from "@/lib/webhooks/outbox";

// One credential someone says was exposed, and where it was found.
export type LeakReport = { token: string; source: string };

export type LeakReporter = { actor: Extract<AuditActor, "github_secret_scanning" | "public_revoke">; origin: RequestOrigin };

// Sources are shown to the owner and sent in webhooks; a report cannot make them unbounded.
const MAX_SOURCE_LENGTH = 2048;

// Revokes every reported credential that is one of our keys and still unrevoked, marking it leaked
// with where it was found: the audit event, the api_key.leaked webhook and the banner follow from
// that. Answers the hashes of the reported tokens that are keys we issued (revoked or not): GitHub
// labels those true positives.
//
// Every token is hashed and all of them are looked up in one query, whatever they are, so the work
// done does not depend on which tokens are real until a live key is found; and a live key that is
// found is revoked, so probing a key through a leak report destroys it rather than testing it.
export async function revokeLeakedKeys(reports: readonly LeakReport[], reporter: LeakReporter, now = new Date()): Promise<Set<string>> {
  const sourceByHash = new Map<string, string>();
  for (const report of reports) {
    const hash = hashApiKey(report.token);
    if (!sourceByHash.has(hash)) sourceByHash.set(hash, report.source.slice(0, MAX_SOURCE_LENGTH));
  }
  return db.$transaction(async (tx) => {
    const keys = await tx.apiKey.findMany({
      where: { hash: { in: [...sourceByHash.keys()] } },
      select: { id: true, accountId: true, name: true, display: true, hash: true, revokedAt: true },
    });
    const events: PendingWebhookEvent[] = [];
    for (const key of keys) {
      if (key.revokedAt) continue;
      const source = sourceByHash.get(key.hash) as string;
      // Conditional, so two reports of one key at once revoke (and announce) it once.
      const { count } = await tx.apiKey.updateMany({
        where: { id: key.id, revokedAt: null },
        data: { revokedAt: now, leakedAt: now, leakedSource: source },
      });
      if (count === 0) continue;
      await recordAuditEvent(tx, {
        accountId: key.accountId,
        apiKeyId: key.id,
        action: "api_key.revoked_as_leaked",
        actor: reporter.actor,
        origin: reporter.origin,
        detail: { source },
      });
      events.push({
        accountId: key.accountId,
        type: "api_key.leaked",
        data: { id: key.id, object: "api_key", name: key.name, display: key.display, leaked_at: now.toISOString(), source },
      });
    }
    await emitWebhookEvents(tx, events);
    return new Set(keys.map((key) => key.hash));
  });
}
