"use client";

import { SelectField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

// Every zone the browser knows, plus UTC (which some runtimes leave out of the list).
function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

// Defaults to the viewer's own zone once the page runs in the browser; the server renders UTC.
export function TimeZoneSelect({ name, label, value, error }: { name: string; label: string; value?: string; error?: string }) {
  const hydrated = useHydrated();
  const initial = value ?? (hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC");
  const zones = hydrated ? timeZones() : [initial];
  return (
    <SelectField key={String(hydrated)} label={label} name={name} defaultValue={initial} error={error}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </SelectField>
  );
}
