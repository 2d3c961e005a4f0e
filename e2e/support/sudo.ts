import pg from "pg";
import { sqliteTime, writeDatabase } from "../hardening/support/database";

const SUDO_WINDOW_MS = 15 * 60 * 1000;

// Moves every session of the account past sudo mode's 15 minutes, as if the password was given
// 16 minutes ago: writes to the database the test server uses (SQLite file or PostgreSQL).
export async function expireSudoMode(email: string, databaseUrl = process.env.E2E_DATABASE_URL) {
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: the flows must run against the server they started.");
  const past = new Date(Date.now() - SUDO_WINDOW_MS - 60_000);
  if (databaseUrl.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`UPDATE "Session" SET "sudoAt" = $1 WHERE "accountId" = (SELECT "id" FROM "User" WHERE "email" = $2)`, [past, email]);
    } finally {
      await client.end();
    }
    return;
  }
  writeDatabase(
    databaseUrl.replace(/^file:/, ""),
    `UPDATE "Session" SET "sudoAt" = ? WHERE "accountId" = (SELECT "id" FROM "User" WHERE "email" = ?)`,
    sqliteTime(past),
    email,
  );
}
