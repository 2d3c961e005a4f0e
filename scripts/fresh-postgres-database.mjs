import pg from "pg";

// Creates an empty database on the server at `serverUrl` (a URL whose role may CREATE DATABASE)
// and returns its URL, so each test run starts from nothing.
export async function freshPostgresDatabase(serverUrl, prefix = "switchboard_test") {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
