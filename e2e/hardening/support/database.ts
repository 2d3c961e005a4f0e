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
