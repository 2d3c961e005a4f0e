import { describe, expect, it } from "vitest";
import { parseThemePreference } from "./parse-theme-preference";
import { themeClass, themeCookie } from "./theme-preference";

describe("parseThemePreference", () => {
  it("keeps each of the three choices", () => {
    expect(parseThemePreference("system")).toBe("system");
    expect(parseThemePreference("light")).toBe("light");
    expect(parseThemePreference("dark")).toBe("dark");
  });

  it("follows the system when the cookie is absent or holds anything else", () => {
    for (const value of [undefined, "", "Dark", "dark ", "blue", "dark; Path=/", "<script>"]) {
      expect(parseThemePreference(value)).toBe("system");
    }
  });
});

describe("themeCookie", () => {
  it("is site-wide, lasts a year and is sent on top-level navigations", () => {
    expect(themeCookie("dark", false)).toBe("theme=dark; Path=/; Max-Age=31536000; SameSite=Lax");
  });

  it("is Secure when the dashboard is served over HTTPS", () => {
    expect(themeCookie("light", true)).toBe("theme=light; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
  });
});

describe("themeClass", () => {
  it("names the forced theme and leaves the system choice to the media query", () => {
    expect(themeClass("dark")).toBe("dark");
    expect(themeClass("light")).toBe("light");
    expect(themeClass("system")).toBeUndefined();
  });
});
