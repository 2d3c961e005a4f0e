import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderSchemaTypes, SCHEMA_TYPES_FILE } from "./schema-types";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("the SDK's generated types", () => {
  // An API change that is not regenerated would ship an SDK that types the old API.
  it("match what the API registry generates today", { timeout: 60_000 }, async () => {
    const committed = readFileSync(path.join(ROOT, SCHEMA_TYPES_FILE), "utf8");
    const generated = await renderSchemaTypes();
    const committedLines = committed.split("\n");
    const firstDifference = generated.split("\n").findIndex((line, i) => line !== committedLines[i]);
    const where = committed === generated ? "" : ` (first difference at line ${firstDifference === -1 ? committedLines.length : firstDifference + 1})`;
    expect(committed === generated, `${SCHEMA_TYPES_FILE} is stale${where}: run npm run sdk:generate and commit the result`).toBe(true);
  });

  it("are the same on every run", async () => {
    expect(await renderSchemaTypes()).toBe(await renderSchemaTypes());
  });
});
