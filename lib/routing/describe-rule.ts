import type { RoutingAction } from "./match-rule";
import { WEEKDAYS, type Schedule, type Weekday } from "./schedule";

const DAY_NAMES: Record<Weekday, string> = { sun: "Sunday", mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday" };
// Runs of days read Monday first, as a business's opening hours are written.
const WEEK_FROM_MONDAY: Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

// ["mon","tue","wed","fri"] → "Monday to Wednesday and Friday".
export function describeDays(days: readonly Weekday[]): string {
  if (days.length === 7) return "every day";
  const chosen = new Set(days);
  const runs: Weekday[][] = [];
  for (const day of WEEK_FROM_MONDAY) {
    if (!chosen.has(day)) continue;
    const run = runs[runs.length - 1];
    const previous = WEEK_FROM_MONDAY[WEEK_FROM_MONDAY.indexOf(day) - 1];
    if (run && run[run.length - 1] === previous) run.push(day);
    else runs.push([day]);
  }
  const words = runs.map((run) =>
    run.length >= 3 ? `${DAY_NAMES[run[0]]} to ${DAY_NAMES[run[run.length - 1]]}` : run.map((day) => DAY_NAMES[day]).join(", "),
  );
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0];
}

export function describeSchedule(schedule: Schedule): string {
  const wraps = schedule.end !== "24:00" && schedule.end < schedule.start;
  const window = schedule.start === "00:00" && schedule.end === "24:00" ? "all day" : `${schedule.start} to ${schedule.end}${wraps ? " the next day" : ""}`;
  return `${describeDays(schedule.days)}, ${window} (${schedule.time_zone} time)`;
}

type Conditions = { calledNumber: string | null; callerPrefix: string | null; schedule: Schedule | null | undefined };

// What a rule matches, one phrase per condition; a rule without conditions matches every call.
export function describeConditions(rule: Conditions): string[] {
  const phrases: string[] = [];
  if (rule.calledNumber) phrases.push(`Calls to ${rule.calledNumber}`);
  if (rule.callerPrefix) phrases.push(`from numbers starting ${rule.callerPrefix}`);
  if (rule.schedule) phrases.push(describeSchedule(rule.schedule));
  // A stored schedule that no longer reads (undefined) makes the rule skipped: say so.
  if (rule.schedule === undefined) phrases.push("never: its schedule is no longer valid, so the rule is skipped");
  return phrases.length > 0 ? phrases : ["Every call"];
}

export function describeAction(action: RoutingAction, target: string): string {
  return action === "forward" ? `Forward to ${target}` : `AI agent "${target}" answers`;
}
