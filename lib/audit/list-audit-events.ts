import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditWhere, type AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

const fields = { id: true, action: true, actor: true, apiKeyId: true, detail: true, ip: true, userAgent: true, createdAt: true } as const;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof fields }> & {
  // The key's name and display fragment when the key still exists.
  apiKey: { name: string; display: string } | null;
  endpointId: string | null;
};

const ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

type Position = { createdAt: Date; id: string };

// Events older than `after`, in the same order (newest first; the id breaks ties within a millisecond).
const olderThan = (after: Position | null): Prisma.AuditEventWhereInput =>
  after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};

async function readPage(accountId: string, filters: AuditFilters, after: Position | null, pageSize: number) {
  const found = await db.auditEvent.findMany({ where: { AND: [auditWhere(accountId, filters), olderThan(after)] }, orderBy: ORDER, take: pageSize + 1, select: fields });
  return { rows: found.slice(0, pageSize), more: found.length > pageSize };
}

function endpointIdOf(detail: string | null): string | null {
  if (!detail) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    const id = (parsed as { endpoint_id?: unknown }).endpoint_id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

async function withSubjects(accountId: string, rows: Prisma.AuditEventGetPayload<{ select: typeof fields }>[]): Promise<AuditEventRow[]> {
  const keyIds = [...new Set(rows.map((row) => row.apiKeyId).filter((id): id is string => id !== null))];
  const keys = keyIds.length
    ? await db.apiKey.findMany({ where: { accountId, id: { in: keyIds } }, select: { id: true, name: true, display: true } })
    : [];
  const byId = new Map(keys.map((key) => [key.id, { name: key.name, display: key.display }]));
  return rows.map((row) => ({ ...row, apiKey: row.apiKeyId ? (byId.get(row.apiKeyId) ?? null) : null, endpointId: endpointIdOf(row.detail) }));
}

// One page, newest first, after `startingAfter` (an event id). Scoped by the owner. An unknown
// cursor (hand-edited, or purged since) shows the newest page.
export async function listAuditEvents(
  accountId: string,
  filters: AuditFilters,
  startingAfter?: string,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ events: AuditEventRow[]; nextStartingAfter: string | null }> {
  const after = startingAfter ? await db.auditEvent.findFirst({ where: { id: startingAfter, accountId }, select: { createdAt: true, id: true } }) : null;
  const { rows, more } = await readPage(accountId, filters, after, pageSize);
  return { events: await withSubjects(accountId, rows), nextStartingAfter: more ? rows[rows.length - 1].id : null };
}

// Every matching event, newest first, a page at a time: the export never holds a year in memory.
export async function* allAuditEvents(accountId: string, filters: AuditFilters, pageSize = 500): AsyncGenerator<AuditEventRow[]> {
  let after: Position | null = null;
  for (;;) {
    const { rows, more } = await readPage(accountId, filters, after, pageSize);
    if (rows.length) yield await withSubjects(accountId, rows);
    if (!more) return;
    after = rows[rows.length - 1];
  }
}
