// The theme a person chose in the dashboard header, kept in a cookie so the server renders the
// page in that theme from the first byte (no flash of the wrong one). Free of zod: the header's
// toggle imports this in the browser.
export const THEME_COOKIE = "theme";

export const THEME_PREFERENCES = ["system", "light", "dark"] as const;

export type ThemePreference = (typeof THEME_PREFERENCES)[number];

// A year; choosing again renews it. Not HttpOnly: the toggle writes it in the browser. It holds
// nothing but one of three words.
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function themeCookie(preference: ThemePreference, secure: boolean): string {
  return `${THEME_COOKIE}=${preference}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax${secure ? "; Secure" : ""}`;
}

// The class on <html> that app/globals.css keys the palette on: none follows the system setting.
export function themeClass(preference: ThemePreference): "light" | "dark" | undefined {
  return preference === "system" ? undefined : preference;
}
