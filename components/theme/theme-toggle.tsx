"use client";

import Monitor from "lucide-react/icons/monitor";
import Moon from "lucide-react/icons/moon";
import Sun from "lucide-react/icons/sun";
import { useState } from "react";
import { themeClass, themeCookie, type ThemePreference } from "@/lib/theme/theme-preference";

const OPTIONS = [
  { value: "system", label: "System", Icon: Monitor },
  { value: "light", label: "Light", Icon: Sun },
  { value: "dark", label: "Dark", Icon: Moon },
] as const satisfies { value: ThemePreference; label: string; Icon: unknown }[];

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
      {OPTIONS.map(({ value, label, Icon }) => (
        <label key={value} title={label} className="relative rounded p-1 text-gray-600 hover:text-gray-900 has-checked:bg-gray-100 has-checked:text-gray-900">
          {/* The radio itself, unstyled and laid over the icon, takes the clicks and draws the focus ring. */}
          <input
            type="radio"
            name="theme"
            value={value}
            checked={preference === value}
            onChange={() => choose(value)}
            className="absolute inset-0 cursor-pointer appearance-none rounded focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
          <Icon aria-hidden="true" className="size-4" />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
