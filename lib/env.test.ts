import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_KEYS, parseEnv } from "./env-schema.mjs";

// Variables the README's table lists for the test tooling (Playwright configs, find-chromium),
// which the app never reads.
const TEST_TOOLING = (name: string) => name === "CHROMIUM_PATH" || name.startsWith("E2E_");

// The variable names in the first column of the table under "## Configuration".
function readmeVariables(): string[] {
  const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  return rows.flatMap((row) => [...row.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]));
}

describe("configuration", () => {
  it("the README's table lists exactly the schema's variables", () => {
    const documented = readmeVariables();
    expect(documented.length).toBeGreaterThan(0);
    const appVariables = documented.filter((name) => !TEST_TOOLING(name));
    expect(new Set(appVariables).size, "each variable once").toBe(appVariables.length);
    expect([...appVariables].sort()).toEqual([...ENV_KEYS].sort());
  });

  it("has a default for everything npm start needs", () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: "file:./data/switchboard.db",
      RATE_LIMIT_REQUESTS: 100,
      RATE_LIMIT_WINDOW_SECONDS: 10,
      AUTH_FAILURE_LIMIT: 30,
      WEBHOOK_ALLOW_PRIVATE_URLS: false,
      TRUSTED_PROXIES: { kind: "none" },
      LOG_LEVEL: "info",
      DEFAULT_PHONE_REGION: "US",
    });
    // An empty value (a bare `NAME=` line in .env.local) is unset.
    expect(parseEnv({ RATE_LIMIT_REQUESTS: "" }).RATE_LIMIT_REQUESTS).toBe(100);
  });

  it("reads typed values", () => {
    const config = parseEnv({
      PORT: "8080",
      RATE_LIMIT_REQUESTS: "5",
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      TRUSTED_PROXIES: "2",
      DATABASE_URL: "postgresql://user:pw@db.internal:5432/switchboard",
      DEFAULT_PHONE_REGION: "gb",
    });
    expect(config).toMatchObject({ DEFAULT_PHONE_REGION: "GB", PORT: 8080, RATE_LIMIT_REQUESTS: 5, WEBHOOK_ALLOW_PRIVATE_URLS: true, TRUSTED_PROXIES: { kind: "hops", hops: 2 } });
  });

  it.each([
    ["RATE_LIMIT_REQUESTS", "abc", 'RATE_LIMIT_REQUESTS="abc": expected a whole number greater than 0'],
    ["RATE_LIMIT_WINDOW_SECONDS", "0", 'RATE_LIMIT_WINDOW_SECONDS="0": expected a whole number greater than 0'],
    ["PORT", "x", 'PORT="x": expected a port number from 1 to 65535'],
    ["PORT", "70000", 'PORT="70000": expected a port number from 1 to 65535'],
    ["WEBHOOK_ALLOW_PRIVATE_URLS", "maybe", 'WEBHOOK_ALLOW_PRIVATE_URLS="maybe": expected true or false'],
    ["DATABASE_URL", "nonsense", "DATABASE_URL: expected a SQLite file URL"],
    ["NEXTAUTH_URL", "example.com", 'NEXTAUTH_URL="example.com": expected an http:// or https:// URL'],
    ["DEFAULT_CALLER_ID", "555-0100", 'DEFAULT_CALLER_ID="555-0100": expected a phone number in E.164 form'],
    ["DEFAULT_PHONE_REGION", "USA", 'DEFAULT_PHONE_REGION="USA": expected an ISO 3166 alpha-2 country code'],
    ["DEFAULT_PHONE_REGION", "ZZ", 'DEFAULT_PHONE_REGION="ZZ": expected an ISO 3166 alpha-2 country code'],
    ["TRUSTED_PROXIES", "10.0.0.0/33", 'TRUSTED_PROXIES="10.0.0.0/33": expected a number of proxy hops'],
    ["LOG_LEVEL", "loud", 'LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent'],
    ["AUTH_SECRET", "short", "AUTH_SECRET: expected at least 16 characters"],
  ])("refuses %s=%s, naming it and what it expects", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it("never repeats a secret or a database URL in its message", () => {
    expect(() => parseEnv({ AUTH_SECRET: "hunter2" })).toThrow(/^(?![\s\S]*hunter2)/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/x" })).toThrow(/^(?![\s\S]*hunter2)/);
  });
});
