import { cookies } from "next/headers";
import { parseThemePreference } from "./parse-theme-preference";
import { THEME_COOKIE, type ThemePreference } from "./theme-preference";

export async function currentThemePreference(): Promise<ThemePreference> {
  return parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
}
