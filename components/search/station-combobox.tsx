"use client";

// A type-ahead station picker following the WAI-ARIA 1.2 combobox pattern: the input keeps focus,
// arrow keys move through the listbox (aria-activedescendant), Enter picks, Escape closes.
import { useId, useMemo, useState } from "react";
import { matchStations, type StationOption } from "@/lib/schemas/search";

interface Props {
  label: string;
  name: string;
  stations: StationOption[];
  value: StationOption | null;
  onChange: (station: StationOption | null) => void;
  error?: string;
}

export function StationCombobox({ label, name, stations, value, onChange, error }: Props) {
  const id = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // the parent changed the value (swap button): show its name
    setLastValue(value);
    setText(value?.name ?? "");
  }
  const options = useMemo(() => matchStations(stations, text === value?.name ? "" : text), [stations, text, value]);

  function choose(station: StationOption) {
    onChange(station);
    setText(station.name);
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder="City or station"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value && e.target.value !== value.name) {
            // Typing over a chosen station un-chooses it; remember that here so the parent's
            // null is not taken for an outside change that would wipe what was just typed.
            setLastValue(null);
            onChange(null);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm aria-invalid:border-red-600"
      />
      <input type="hidden" name={name} value={value?.code ?? ""} />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" aria-label={`${label} stations`} className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          {options.map((station, i) => (
            <li
              key={station.code}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the input so blur does not close first
                choose(station);
              }}
              onMouseEnter={() => setActive(i)}
              className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 ${i === active ? "bg-brand-50" : ""}`}
            >
              <span>{station.name}</span>
              <span className="text-xs text-slate-500">
                {station.city} · {station.code}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
