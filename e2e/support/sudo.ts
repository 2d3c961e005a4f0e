import Database from "better-sqlite3";
import pg from "pg";

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
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 5000 });
  try {
    // Written in the format the app's rows already use (Prisma's SQLite adapter stores ISO text).
    const sample = db.prepare(`SELECT "sudoAt" FROM "Session" LIMIT 1`).get() as { sudoAt: string | number } | undefined;
    const value = typeof sample?.sudoAt === "number" ? past.getTime() : String(sample?.sudoAt ?? "").endsWith("Z") ? past.toISOString() : past.toISOString().replace("Z", "+00:00");
    db.prepare(`UPDATE "Session" SET "sudoAt" = ? WHERE "accountId" = (SELECT "id" FROM "User" WHERE "email" = ?)`).run(value, email);
  } finally {
    db.close();
  }
}
