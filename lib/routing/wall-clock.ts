import { z } from "zod";
import { isTimeZone } from "./schedule";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export const localDateTimeSchema = z.string().regex(LOCAL_DATE_TIME, "must be a date and time, like 2026-11-30T09:30.");

// How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds.
function offsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// The instant a wall clock in `timeZone` shows `local` ("2026-11-30T09:30"). Near a daylight-saving
// change the two offsets around it are tried, as Temporal's "compatible" rule does: a time shown
// twice (fall back) is the earlier instant; a time skipped (02:30 on a spring-forward night) reads
// as the same time on the clock after the jump (03:30).
export function instantOfWallClock(local: string, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match || !isTimeZone(timeZone)) throw new RangeError(`Cannot read "${local}" in "${timeZone}".`);
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = offsetAt(timeZone, wall);
  const offsets = [...new Set([first, offsetAt(timeZone, wall - first)])];
  const shown = offsets.filter((offset) => offsetAt(timeZone, wall - offset) === offset);
  return new Date(shown.length > 0 ? wall - Math.max(...shown) : wall - Math.min(...offsets));
}
