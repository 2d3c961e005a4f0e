"use client";

import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import { RadioGroupField } from "@/components/ui/radio-group";
import { ACCESS_LABELS, LEVEL_LABELS, LEVELS, RESOURCE_LABELS, RESOURCES, type Access } from "@/lib/api-keys/choices";

const ACCESS_DESCRIPTIONS: Record<Access, string> = {
  full: "Read and change everything: calls, contacts, routing and webhooks.",
  read: "Read everything, change nothing.",
  restricted: "Choose the access for each resource.",
};

const ACCESS_OPTIONS = (Object.keys(ACCESS_LABELS) as Access[]).map((value) => ({
  value,
  label: ACCESS_LABELS[value],
  description: ACCESS_DESCRIPTIONS[value],
}));

// The form fields createApiKeySchema reads: access, plus one level per resource when restricted.
export function PermissionsFields({ fieldErrors }: { fieldErrors?: Record<string, string> }) {
  const [access, setAccess] = useState<Access>("full");
  return (
    <RadioGroupField legend="Permissions" name="access" options={ACCESS_OPTIONS} value={access} onChange={setAccess} error={fieldErrors?.access}>
      {access === "restricted" && (
        <div className="mt-3 grid grid-cols-1 gap-3 rounded-md bg-gray-50 p-3 ring-1 ring-inset ring-gray-200 sm:grid-cols-3">
          {RESOURCES.map((resource) => (
            <SelectField key={resource} label={RESOURCE_LABELS[resource]} name={resource} defaultValue="none" error={fieldErrors?.[resource]}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {LEVEL_LABELS[level]}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      )}
    </RadioGroupField>
  );
}
