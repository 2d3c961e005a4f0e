import { z } from "zod";
import { THEME_PREFERENCES, type ThemePreference } from "./theme-preference";

const themePreferenceSchema = z.enum(THEME_PREFERENCES);

// The cookie comes from the browser, so anything may be in it: whatever is not one of the three
// choices (absent, edited by hand, left by another app on the same host) follows the system.
export function parseThemePreference(value: string | undefined): ThemePreference {
  const parsed = themePreferenceSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}
