// Times render on the server in UTC, so the server and client renders agree; the title
// carries the full timestamp for dates shown short.
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
export const DATE_TIME_SECONDS = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function Time({ value, format = DATE }: { value: Date; format?: Intl.DateTimeFormat }) {
  return (
    <time dateTime={value.toISOString()} title={DATE_TIME.format(value)}>
      {format.format(value)}
    </time>
  );
}

// Date over time, for narrow table columns.
export function StackedDateTime({ value }: { value: Date }) {
  return (
    <time dateTime={value.toISOString()} title={DATE_TIME.format(value)} className="block whitespace-nowrap">
      <span className="block">{DATE.format(value)}</span> <span className="block text-xs text-gray-500">{TIME.format(value)}</span>
    </time>
  );
}
