// Formatting for the dashboard's <Time>: "3 minutes ago" / "in 5 days" with Intl alone, so the
// browser ships no date library. Pure functions of (time, now), so they are testable and the
// same on server and client.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Each unit is used until the next one reads better; months and years are averages, which is
// what "in 3 months" means to a reader.
const UNITS: { unit: Intl.RelativeTimeFormatUnit; ms: number; below: number }[] = [
  { unit: "second", ms: SECOND, below: 45 * SECOND },
  { unit: "minute", ms: MINUTE, below: 45 * MINUTE },
  { unit: "hour", ms: HOUR, below: 22 * HOUR },
  { unit: "day", ms: DAY, below: 26 * DAY },
  { unit: "month", ms: 30.44 * DAY, below: 320 * DAY },
  { unit: "year", ms: 365.25 * DAY, below: Infinity },
];

const formatters = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    formatters.set(locale, formatter);
  }
  return formatter;
}

export function formatRelativeTime(time: Date, now: Date, locale = "en-GB"): string {
  const diff = time.getTime() - now.getTime();
  const distance = Math.abs(diff);
  // Under ten seconds either way, counting seconds is noise.
  if (distance < 10 * SECOND) return relativeFormatter(locale).format(0, "second");
  const { unit, ms } = UNITS.find((candidate) => distance < candidate.below) ?? UNITS[UNITS.length - 1];
  return relativeFormatter(locale).format(Math.round(diff / ms), unit);
}

// The exact time, with seconds and the zone's name; timeZone undefined means the viewer's own.
export function exactTimeFormat(timeZone?: string, locale = "en-GB"): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
}
