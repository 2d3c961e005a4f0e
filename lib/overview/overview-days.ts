import { Prisma } from "@/lib/generated/prisma/client";
import { firstIdAt } from "@/lib/ids/new-id";
import { bucketStarts } from "@/lib/key-insight/usage-ranges";

// The overview's charts cover the last 30 UTC days, today included (the key page's "30d" range).
export const OVERVIEW_RANGE = "30d" as const;

export const overviewDayStarts = (now: Date): Date[] => bucketStarts(OVERVIEW_RANGE, now);

// Ids sort by creation time (lib/ids/new-id.ts), so "created on day i" is "id between the first
// ids of day i and day i + 1". Grouping by this CASE puts rows into UTC days with the same SQL on
// SQLite and PostgreSQL (no engine-specific date functions, and no reliance on how each engine
// stores a DateTime), and the window itself is a range on an (account, id) index.
export function idWindow(column: string, prefix: string, starts: readonly Date[]): { dayIndex: Prisma.Sql; from: string } {
  const boundaries = starts.map((start) => {
    const id = firstIdAt(prefix, start);
    if (!id) throw new RangeError(`${start.toISOString()} is outside the times ids can carry`);
    return id;
  });
  // The column name and the day numbers are ours, never input: safe to write into the SQL.
  const ref = Prisma.raw(column);
  const whens = boundaries.slice(1).map((boundary, index) => Prisma.sql`WHEN ${ref} < ${boundary} THEN ${Prisma.raw(String(index))}`);
  return {
    dayIndex: Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE ${Prisma.raw(String(starts.length - 1))} END`,
    from: boundaries[0],
  };
}

// Adds aggregate rows (day index, status, count) into one bucket per day, each status counted
// under the outcome `outcomeOf` names.
export function foldDays<O extends string, S extends string>(
  starts: readonly Date[],
  outcomes: readonly O[],
  rows: readonly { day: number; status: S; count: number }[],
  outcomeOf: (status: S) => O,
): { buckets: ({ start: Date } & Record<O, number>)[]; totals: Record<O, number> } {
  const zero = () => Object.fromEntries(outcomes.map((outcome) => [outcome, 0])) as Record<O, number>;
  const buckets = starts.map((start) => ({ start, ...zero() }));
  const totals = zero();
  for (const row of rows) {
    const bucket = buckets[row.day];
    if (!bucket) continue;
    const outcome = outcomeOf(row.status);
    (bucket as Record<O, number>)[outcome] += row.count;
    totals[outcome] += row.count;
  }
  return { buckets, totals };
}
