import pg from "pg";
import { sqliteTime, writeDatabase } from "../hardening/support/database";

export type UsageRow = { hour: Date; count2xx?: number; count4xx?: number; count5xx?: number; latencyMsSum?: number; latencyMsMax?: number };

function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: the flows must run against the server they started.");
  return url;
}

// Runs one statement on the database the test server uses (SQLite file or PostgreSQL), written
// with $1… placeholders in order of appearance; SQLite gets them as ?.
async function execute(sql: string, params: unknown[]) {
  const url = databaseUrl();
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
    return;
  }
  writeDatabase(url.replace(/^file:/, ""), sql.replace(/\$\d+/g, "?"), ...params.map((param) => (param instanceof Date ? sqliteTime(param) : param)));
}

// Hourly usage rows as the usage flush would write them: history no test can wait days for.
// Hours must not be the current one, where the server's own flush may write.
export async function insertKeyUsage(apiKeyId: string, rows: UsageRow[]) {
  for (const row of rows) {
    await execute(
      `INSERT INTO "ApiKeyUsage" ("apiKeyId", "accountId", "hour", "count2xx", "count4xx", "count5xx", "latencyMsSum", "latencyMsMax")
       VALUES ($1, (SELECT "userId" FROM "ApiKey" WHERE "id" = $2), $3, $4, $5, $6, $7, $8)`,
      [apiKeyId, apiKeyId, row.hour, row.count2xx ?? 0, row.count4xx ?? 0, row.count5xx ?? 0, row.latencyMsSum ?? 0, row.latencyMsMax ?? 0],
    );
  }
}

// Moves a key's expiry, as if it had been created long enough ago to be near it now.
export async function setKeyExpiry(apiKeyId: string, expiresAt: Date) {
  await execute(`UPDATE "ApiKey" SET "expiresAt" = $1 WHERE "id" = $2`, [expiresAt, apiKeyId]);
}
