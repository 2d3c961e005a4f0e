import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/registry";
import { buildOpenApiDocument } from "./document";

// Third-party tools read the document as a new user's tooling would, without a running server:
// the document is built from the registry and written to a temporary file.
const document = buildOpenApiDocument("https://switchboard.example", OPERATIONS);
const folder = mkdtempSync(path.join(tmpdir(), "switchboard-openapi-"));
const file = path.join(folder, "openapi.json");
writeFileSync(file, JSON.stringify(document, null, 2));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the OpenAPI document, read by third-party tools", () => {
  it("passes swagger-parser's validation", async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it("passes Redocly's recommended rules with no error", { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const result = await run(path.join(ROOT, "node_modules/.bin/redocly"), ["lint", file, "--config", path.join(ROOT, "redocly.yaml"), "--format", "json"], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    }).catch((error: { stdout: string; stderr: string }) => error);
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string }[] };
    const errors = report.problems.filter((problem) => problem.severity === "error").map((problem) => `${problem.ruleId}: ${problem.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it("gives openapi-typescript a body type for every success answer (no `never`)", async () => {
    // Doc comments (descriptions, examples) stripped: only the types are checked.
    // Webhooks are requests Switchboard sends: their answer (any 2xx) has no body to type.
    const { webhooks: _webhooks, ...paths } = structuredClone(document);
    const types = astToString(await openapiTS(paths as never)).replace(/\/\*\*[\s\S]*?\*\//g, "");
    expect(types).toContain("createCall: {");
    expect(types).not.toMatch(/content\?: never/);
    expect(types).toMatch(/201: \{\s*headers: \{[^}]*\};\s*content: \{\s*"application\/json": components\["schemas"\]\["Call"\];/);
  });

  it("gives openapi-typescript each webhook's body type, by event type", async () => {
    const types = astToString(await openapiTS(structuredClone(document) as never)).replace(/\/\*\*[\s\S]*?\*\//g, "");
    expect(types).toMatch(/callCompletedWebhook: \{[\s\S]*?"application\/json": components\["schemas"\]\["CallCompletedEvent"\];/);
    expect(types).toMatch(/CallCompletedEvent: \{[^}]*type: "call\.completed";\s*created_at: string;\s*data: components\["schemas"\]\["Call"\];/);
    expect(types).toMatch(/Event: components\["schemas"\]\["CallQueuedEvent"\] \| components\["schemas"\]\["CallRingingEvent"\]/);
  });
});
