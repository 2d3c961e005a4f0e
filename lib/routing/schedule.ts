import { z } from "zod";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const START_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
// "24:00" lets a window run to the end of its day.
const END_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
// Region/City names (and "UTC"); Intl would also take offsets like "+05:00", which do not follow
// daylight saving and so are not what a business's opening hours mean.
const ZONE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

// Intl formatters are costly to build; zone names are few, but the cap keeps case variants
// ("europe/london", "EUROPE/LONDON") sent by a client from growing the cache without bound.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_FORMATTERS = 1000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(value: string): boolean {
  if (!ZONE_NAME_PATTERN.test(value)) return false;
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

export const scheduleSchema = z
  .strictObject({
    time_zone: z
      .string({ error: "must be an IANA time zone name, like Europe/London." })
      .refine(isTimeZone, "must be an IANA time zone name, like Europe/London.")
      .meta({ description: "IANA time zone the window is read in, e.g. America/New_York. Daylight saving is followed.", example: "Europe/London" }),
    days: z
      .array(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(", ")}.` }), { error: "must be a list of days, like [\"mon\", \"tue\"]." })
      .min(1, "needs at least one day.")
      .refine((days) => new Set(days).size === days.length, "lists a day more than once.")
      .meta({ description: "Days the window opens on, in the rule's time zone." }),
    start: z
      .string({ error: "must be a time of day as HH:MM, like 09:00." })
      .regex(START_PATTERN, "must be a time of day as HH:MM from 00:00 to 23:59.")
      .meta({ description: "Local time the window opens (inclusive), HH:MM.", example: "09:00" }),
    end: z
      .string({ error: "must be a time of day as HH:MM, like 17:30." })
      .regex(END_PATTERN, "must be a time of day as HH:MM from 00:00 to 24:00.")
      .meta({ description: "Local time the window closes (exclusive), HH:MM. Before start, the window runs past midnight into the next day.", example: "17:30" }),
  })
  .refine((schedule) => schedule.start !== schedule.end, { message: "must differ from start; use 00:00 to 24:00 for a whole day.", path: ["end"] })
  .meta({
    id: "RoutingSchedule",
    description:
      "A weekly window in a named time zone. The rule matches from start until end on the listed days; when end is before start the window wraps past midnight, so {days: [\"fri\"], start: \"22:00\", end: \"06:00\"} covers Friday 22:00 to Saturday 06:00.",
  });

export type Schedule = z.infer<typeof scheduleSchema>;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

// Weekday and minute of day at `instant` on the wall clock of `timeZone`.
export function localTime(timeZone: string, instant: Date): { day: Weekday; minute: number } {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: part("weekday").toLowerCase() as Weekday,
    minute: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

function previousDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + WEEKDAYS.length - 1) % WEEKDAYS.length];
}

export function isWithinSchedule(schedule: Schedule, instant: Date): boolean {
  const { day, minute } = localTime(schedule.time_zone, instant);
  const start = minutesOf(schedule.start);
  const end = minutesOf(schedule.end);
  if (start < end) return schedule.days.includes(day) && minute >= start && minute < end;
  // A wrapping window belongs to the day it opens on: its early hours fall on the next day.
  const lateOnOpeningDay = schedule.days.includes(day) && minute >= start;
  const earlyAfterOpeningDay = schedule.days.includes(previousDay(day)) && minute < end;
  return lateOnOpeningDay || earlyAfterOpeningDay;
}

// A stored schedule (a Json column, null for always) as the app reads it. One that no longer
// validates (say, a time zone gone from the runtime's zone data) reads as undefined, so its rule
// is skipped rather than read as "always".
export const storedScheduleSchema = scheduleSchema.nullable().optional().catch(undefined);
