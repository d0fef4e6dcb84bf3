"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { searchQuerySchema, type StationOption } from "@/lib/schemas/search";
import { fieldErrorsFrom } from "@/lib/validation";
import { StationCombobox } from "./station-combobox";

interface Props {
  stations: StationOption[];
  defaultDate: string;
  minDate: string;
  initial?: { from?: string; to?: string; date?: string; passengers?: number };
  compact?: boolean;
}

async function fetchStations(): Promise<StationOption[]> {
  const response = await fetch("/api/v1/stations");
  if (!response.ok) throw new Error("Could not load stations");
  return ((await response.json()) as { stations: StationOption[] }).stations;
}

export function SearchForm({ stations: initialStations, defaultDate, minDate, initial, compact }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { data: stations = initialStations } = useQuery({ queryKey: ["stations"], queryFn: fetchStations, initialData: initialStations, staleTime: 300_000 });
  const byCode = (code?: string) => stations.find((s) => s.code === code) ?? null;
  const [from, setFrom] = useState<StationOption | null>(byCode(initial?.from));
  const [to, setTo] = useState<StationOption | null>(byCode(initial?.to));
  const [date, setDate] = useState(initial?.date ?? defaultDate);
  const [passengers, setPassengers] = useState(initial?.passengers ?? 1);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { from: from?.code ?? "", to: to?.code ?? "", date, passengers };
    const parsed = searchQuerySchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      return;
    }
    setErrors({});
    const q = parsed.data;
    const params = new URLSearchParams({ from: q.from, to: q.to, date: q.date, passengers: String(q.passengers) });
    startTransition(() => router.push(`/search?${params}`));
  }

  return (
    <form onSubmit={submit} action="/search" noValidate aria-label="Search trains" className={`grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 ${compact ? "md:grid-cols-[1fr_auto_1fr_10rem_7rem_auto] md:items-end" : "md:grid-cols-[1fr_auto_1fr]"}`}>
      <StationCombobox label="From" name="from" stations={stations} value={from} onChange={setFrom} error={errors.from?.[0]} />
      <button
        type="button"
        onClick={() => {
          setFrom(to);
          setTo(from);
        }}
        aria-label="Swap departure and arrival stations"
        className="self-end justify-self-center rounded-full border border-slate-300 bg-white px-3 py-2 text-slate-600 hover:bg-slate-50 md:mb-0.5"
      >
        ⇄
      </button>
      <StationCombobox label="To" name="to" stations={stations} value={to} onChange={setTo} error={errors.to?.[0]} />
      <div className={compact ? "" : "md:col-span-1"}>
        <label htmlFor="search-date" className="block text-sm font-medium text-slate-700">
          Date
        </label>
        <input
          id="search-date"
          name="date"
          type="date"
          min={minDate}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? "search-date-error" : undefined}
          className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
        />
        {errors.date && <p id="search-date-error" className="mt-1 text-sm text-red-700">{errors.date[0]}</p>}
      </div>
      <div>
        <label htmlFor="search-passengers" className="block text-sm font-medium text-slate-700">
          Passengers
        </label>
        <select
          id="search-passengers"
          name="passengers"
          value={passengers}
          onChange={(e) => setPassengers(Number(e.target.value))}
          className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm"
        >
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 md:self-end"
      >
        {pending ? "Searching…" : "Search trains"}
      </button>
    </form>
  );
}
