import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_CSV_HEADER, auditCsvFilename, auditCsvStream, csvCell, csvRow } from "./audit-csv";

// The smallest correct CSV reader for the test: quoted fields, doubled quotes, CRLF rows.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return rows;
}

describe("csvCell", () => {
  it("leaves plain text alone and quotes commas, quotes and line breaks", () => {
    expect(csvCell("Signed in")).toBe("Signed in");
    expect(csvCell(null)).toBe("");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("turns what a spreadsheet would run as a formula into text", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Only a leading sign matters.
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvRow(["x", "=1", "y,z"])).toBe("x,'=1,\"y,z\"\r\n");
  });
});

describe("auditCsvStream", () => {
  it("streams the owner's events, newest first, past one page, and no one else's", async () => {
    const owner = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
    const other = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Eve", passwordHash: "x" } });
    const start = Date.UTC(2026, 5, 1);
    // 1,203 events: more than two of the export's 500-row pages.
    await db.auditEvent.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        accountId: owner.id,
        action: i % 2 ? "session.signed_in" : "session.sign_in_failed",
        ip: "198.51.100.4",
        userAgent: i === 1202 ? '=cmd|" /C calc"!A0' : "Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0",
        createdAt: new Date(start + i * 1000),
      })),
    });
    await db.auditEvent.create({ data: { accountId: other.id, action: "session.signed_in", ip: "203.0.113.1" } });

    const text = await new Response(auditCsvStream(owner.id, {})).text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(AUDIT_CSV_HEADER);
    expect(rows).toHaveLength(1 + 1203);
    // Newest first: the last one written leads, with its hostile user agent neutralized.
    expect(rows[1].slice(0, 4)).toEqual([new Date(start + 1202 * 1000).toISOString(), "session.sign_in_failed", "Sign-in failed", "You (dashboard)"]);
    expect(rows[1][8]).toBe("'=cmd|\" /C calc\"!A0");
    expect(rows.at(-1)![0]).toBe(new Date(start).toISOString());
    expect(text).not.toContain("203.0.113.1");

    const filtered = parseCsv(await new Response(auditCsvStream(owner.id, { action: "session.signed_in", from: "2026-06-01", to: "2026-06-01" })).text());
    expect(filtered).toHaveLength(1 + 601);
    expect(new Set(filtered.slice(1).map((row) => row[1]))).toEqual(new Set(["session.signed_in"]));
  }, 60_000);

  it("names the file after the day and the date range", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(auditCsvFilename({}, now)).toBe("switchboard-audit-log-2026-11-30.csv");
    expect(auditCsvFilename({ from: "2026-01-01" }, now)).toBe("switchboard-audit-log-2026-11-30-2026-01-01-to-now.csv");
  });
});
