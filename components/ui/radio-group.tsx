import { useId, type ReactNode } from "react";

export type RadioOption<V extends string> = { value: V; label: string; description?: string };

// Native radios in a fieldset: the legend names the group for assistive tech and each
// description is tied to its radio, so the accessible name stays just the label. `children`
// (fields that depend on the choice) sit inside the group, above its error.
export function RadioGroupField<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  children,
}: {
  legend: string;
  name: string;
  options: RadioOption<V>[];
  value: V;
  onChange: (value: V) => void;
  error?: string;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      <div className="mt-2 space-y-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-start gap-3">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.description ? `${id}-${option.value}-description` : undefined}
              className="mt-0.5 size-4 shrink-0 accent-indigo-600"
            />
            <div className="text-sm leading-5">
              <label htmlFor={`${id}-${option.value}`} className="font-medium text-gray-900">
                {option.label}
              </label>
              {option.description && (
                <p id={`${id}-${option.value}-description`} className="text-gray-500">
                  {option.description}
                </p>
              )}
            </div>
          </div>
        ))}
      </div>
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
