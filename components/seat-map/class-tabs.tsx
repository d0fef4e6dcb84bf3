"use client";
// The travel classes of the train as tabs (WAI-ARIA tabs pattern, automatic activation): Left and
// Right move between them, Home and End to the ends. Each tab shows the fare for this journey and
// how many places are free, so the choice of class is also the choice of price.
import { useRef, type KeyboardEvent } from "react";
import { formatMoney } from "@/lib/money";

export interface ClassTab {
  class: string;
  className: string;
  fare: { amount: number; currency: string };
  free: number | null;
}

interface Props {
  tabs: ClassTab[];
  current: string;
  panelId: string;
  idFor: (classCode: string) => string;
  onChange: (classCode: string) => void;
}

export function ClassTabs({ tabs, current, panelId, idFor, onChange }: Props) {
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    onChange(tabs[next]!.class);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  }

  return (
    <div ref={list} role="tablist" aria-label="Travel class" className="flex gap-2 overflow-x-auto pb-1">
      {tabs.map((tab, index) => {
        const active = tab.class === current;
        return (
          <button
            key={tab.class}
            id={idFor(tab.class)}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            onClick={() => onChange(tab.class)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={`min-w-[9rem] shrink-0 rounded-lg border-2 px-3 py-2 text-left ${
              active ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-brand-600"
            }`}
          >
            <span className="block font-semibold text-brand-900">{tab.className}</span>
            <span className="block text-sm text-slate-700">{formatMoney(tab.fare.amount, tab.fare.currency)} per person</span>
            {tab.free !== null && (
              <span className={`block text-xs ${tab.free > 0 ? "text-emerald-700" : "text-red-700"}`}>{tab.free > 0 ? `${tab.free} free` : "Sold out"}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
