"use client";

import { useState } from "react";
import { themeClass, themeCookie, type ThemePreference } from "@/lib/theme/theme-preference";

// Words, not icons: the toggle is on every dashboard page, and lucide's icon runtime would add
// about 1 kB of JavaScript to each of them (its icons are client components).
const OPTIONS = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const satisfies { value: ThemePreference; label: string }[];

// At once on this page, and through the cookie on every page the server renders next.
function applyThemePreference(preference: ThemePreference) {
  document.cookie = themeCookie(preference, location.protocol === "https:");
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const forced = themeClass(preference);
  if (forced) root.classList.add(forced);
}

// Native radios, so arrow keys move between the three choices with no script of ours.
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [preference, setPreference] = useState(initial);

  function choose(next: ThemePreference) {
    setPreference(next);
    applyThemePreference(next);
  }

  return (
    <fieldset className="flex rounded-md p-0.5 ring-1 ring-gray-300">
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label }) => (
        <label key={value} className="relative rounded px-1.5 py-0.5 text-xs text-gray-600 hover:text-gray-900 has-checked:bg-gray-100 has-checked:text-gray-900">
          {/* The radio itself, unstyled and laid over the word, takes the clicks and draws the focus ring. */}
          <input
            type="radio"
            name="theme"
            value={value}
            checked={preference === value}
            onChange={() => choose(value)}
            className="absolute inset-0 cursor-pointer appearance-none rounded focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
