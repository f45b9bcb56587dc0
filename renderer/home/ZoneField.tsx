// A time-zone input that suggests every IANA zone the browser knows as you type
// (native <datalist>: searchable, keyboard-operable, no custom widget to get wrong).
import { useId, useMemo } from 'react';

function allZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Chromium lists "UTC" under its alias Etc/UTC only; people type "UTC".
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

interface ZoneFieldProps {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

export function ZoneField({ label, value, onChange, invalid, describedBy }: ZoneFieldProps) {
  const listId = useId();
  const zones = useMemo(() => allZones(), []);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        list={listId}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </label>
  );
}
