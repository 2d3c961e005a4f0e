import { auditCsvFilename, auditCsvStream } from "@/lib/audit/audit-csv";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { currentSession } from "@/lib/auth/session";

// GET /settings/audit-log/export: the signed-in owner's audit events as CSV, with the page's
// filters. Only a dashboard session reaches it (API keys cannot read the audit log).
export async function GET(request: Request) {
  const session = await currentSession();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to export your audit log." } }, { status: 401 });
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  return new Response(auditCsvStream(session.user.id, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditCsvFilename(filters)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
