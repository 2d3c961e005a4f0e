import Database from "better-sqlite3";

// Reads the server's SQLite file directly: what is on disk, not what the API chooses to show.
export function queryDatabase<Row>(file: string, sql: string, ...params: unknown[]): Row[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

// Writes to the server's SQLite file while it runs (WAL lets both work): for setting up states that
// take days to reach, such as expired rows.
export function writeDatabase(file: string, sql: string, ...params: unknown[]): number {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

// A time as Prisma's SQLite adapter stores it.
export const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");
