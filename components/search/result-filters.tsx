"use client";

// Filters for the results list. Each change replaces the URL, so a filtered list can be shared,
// reloaded and navigated back to; the server applies the filter (lib/search/filter-offers.ts).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { TIMES_OF_DAY } from "@/lib/schemas/search";

export function ResultFilters({ classes }: { classes: { code: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  function set(name: "class" | "time", value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  }

  const select = "mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
  return (
    <div role="group" aria-label="Filter trains" aria-busy={pending} className="grid grid-cols-2 gap-3 sm:flex sm:items-end">
      <div>
        <label htmlFor="filter-class" className="block text-sm font-medium text-slate-700">
          Class
        </label>
        <select id="filter-class" value={params.get("class") ?? ""} onChange={(e) => set("class", e.target.value)} className={select}>
          <option value="">Any class</option>
          {classes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-time" className="block text-sm font-medium text-slate-700">
          Departure
        </label>
        <select id="filter-time" value={params.get("time") ?? ""} onChange={(e) => set("time", e.target.value)} className={select}>
          <option value="">Any time</option>
          {Object.entries(TIMES_OF_DAY).map(([key, t]) => (
            <option key={key} value={key}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
