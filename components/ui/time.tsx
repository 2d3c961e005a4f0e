import { RelativeTime } from "./relative-time";

// Times render on the server in UTC, so the server and client renders agree; once the page is
// live, <RelativeTime> shows them relative to now with the exact time in the viewer's zone on
// hover and focus. `format` chooses the absolute form shown until then (and without JavaScript).
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
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
  return <RelativeTime iso={value.toISOString()} utcText={format.format(value)} utcTitle={DATE_TIME_SECONDS.format(value)} />;
}
