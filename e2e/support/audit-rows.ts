import pg from "pg";
import { queryDatabase } from "../hardening/support/database";

export type AuditRow = { action: string; actor: string; detail: string | null };

// The audit events recorded for one key, read from the database of the server the flows started
// (SQLite file or PostgreSQL): until the dashboard has an audit page, this is where they show.
export async function auditRowsOfKey(apiKeyId: string, databaseUrl = process.env.E2E_DATABASE_URL): Promise<AuditRow[]> {
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: the flows must run against the server they started.");
  const sql = `SELECT "action", "actor", "detail" FROM "AuditEvent" WHERE "apiKeyId" = $1 ORDER BY "createdAt"`;
  if (databaseUrl.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<AuditRow>(sql, [apiKeyId])).rows;
    } finally {
      await client.end();
    }
  }
  return queryDatabase<AuditRow>(databaseUrl.replace(/^file:/, ""), sql.replace("$1", "?"), apiKeyId);
}
