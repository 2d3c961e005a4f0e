import { actionLabel, actorLabel } from "./action-labels";
import type { AuditFilters } from "./audit-filters";
import { allAuditEvents, type AuditEventRow } from "./list-audit-events";

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): an
// attacker controls user agents and, through them, cells of this file. A leading ' makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: (string | null | undefined)[]) => `${cells.map(csvCell).join(",")}\r\n`;

export const AUDIT_CSV_HEADER = ["time", "action", "description", "actor", "api_key_id", "api_key_name", "webhook_endpoint_id", "ip", "user_agent", "detail"];

export function auditCsvRow(event: AuditEventRow): string {
  return csvRow([
    event.createdAt.toISOString(),
    event.action,
    actionLabel(event.action),
    actorLabel(event.actor),
    event.apiKeyId,
    event.apiKey?.name,
    event.endpointId,
    event.ip,
    event.userAgent,
    event.detail,
  ]);
}

// The export as a stream of CSV text, read from the database a page at a time as the client takes it.
export function auditCsvStream(accountId: string, filters: AuditFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allAuditEvents(accountId, filters);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_HEADER)));
        return;
      }
      const next = await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(auditCsvRow).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

export function auditCsvFilename(filters: AuditFilters, now = new Date()): string {
  return `switchboard-audit-log-${now.toISOString().slice(0, 10)}${filters.from || filters.to ? `-${filters.from ?? "start"}-to-${filters.to ?? "now"}` : ""}.csv`;
}
