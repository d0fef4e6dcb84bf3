"use client";
// Shown only where the chosen class has seats in more than one quota pool (General, Senior,
// Ladies...). Seats kept for another pool are drawn as reserved on the map; switching the pool
// clears the picks, since one booking takes its seats from one pool.
import { useId } from "react";

interface Props {
  quotas: string[];
  names: Record<string, string>;
  value: string;
  onChange: (quota: string) => void;
}

export function QuotaSelect({ quotas, names, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Quota
        </label>
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-hint`}
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
        >
          {quotas.map((q) => (
            <option key={q} value={q}>
              {names[q] ?? q}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-hint`} className="max-w-md pb-2 text-sm text-slate-600">
        Some seats in this class are kept for particular travellers. Choose a quota only if it applies to everyone in your booking.
      </p>
    </div>
  );
}
