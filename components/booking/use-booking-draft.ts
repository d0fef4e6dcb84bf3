"use client";
// The seat-map page's choices kept in sessionStorage, keyed by service and segment, so a visitor
// who picks seats and types passengers, then goes to sign in or register, comes back (same tab) to
// the same class, quota, seats and passengers (docs/decisions/044-booking-draft.md). Per tab and
// gone when the tab closes; cleared once the seats are held. Restored after hydration: the server
// cannot see sessionStorage, so the first render is always the empty form.
import { useEffect, useRef } from "react";
import type { PassengerDraft } from "./passenger-fields";

export interface BookingDraft {
  classCode: string;
  quota: string;
  picked: string[];
  auto: boolean;
  passengers: PassengerDraft[];
}

const PREFIX = "railbook:booking-draft:";

export function draftKey(serviceId: string, from: string, to: string): string {
  return `${PREFIX}${serviceId}:${from}:${to}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled (some private modes): the form still works, without a draft
  }
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** The stored draft, or null when there is none or it is not one we wrote. */
export function readDraft(key: string): Partial<BookingDraft> | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? "null");
    if (!value || typeof value !== "object") return null;
    const d = value as Record<string, unknown>;
    const passengers = Array.isArray(d.passengers) ? d.passengers.filter((p): p is Record<string, unknown> => Boolean(p) && typeof p === "object") : [];
    return {
      classCode: typeof d.classCode === "string" ? d.classCode : undefined,
      quota: typeof d.quota === "string" ? d.quota : undefined,
      picked: strings(d.picked) ? d.picked : undefined,
      auto: typeof d.auto === "boolean" ? d.auto : undefined,
      passengers: passengers.length > 0 ? (passengers as unknown as PassengerDraft[]) : undefined,
    };
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/**
 * Restores the draft stored under `key` once, after mount (`restore` gets what was kept), then
 * writes `draft` back whenever it changes. `enabled` false (seats held) stops writing.
 */
export function useBookingDraft(key: string, draft: BookingDraft, restore: (saved: Partial<BookingDraft>) => void, enabled: boolean): void {
  const restored = useRef(false);
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  });

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const saved = readDraft(key);
    if (saved) restoreRef.current(saved);
  }, [key]);

  const serialised = JSON.stringify(draft);
  useEffect(() => {
    // Declared after the restore, so it runs after it: the first write may store the empty form,
    // but the restored state renders next and is written over it.
    if (!restored.current || !enabled) return;
    try {
      storage()?.setItem(key, serialised);
    } catch {
      // quota or disabled storage: nothing to keep, nothing to break
    }
  }, [key, serialised, enabled]);
}
