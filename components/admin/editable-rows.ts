"use client";
// The state behind a list of form rows an operator can add, remove and reorder with buttons
// (keyboard and screen-reader friendly, no drag and drop). Rows carry a stable key so React keeps
// each row's inputs (and focus) with the row as it moves; moving announces itself and keeps focus
// on the button that was pressed, at the row's new place.
import { useCallback, useEffect, useRef, useState } from "react";

export type Row<T> = T & { key: number };

let nextKey = 1;
export function withKey<T extends object>(row: T): Row<T> {
  return { ...row, key: nextKey++ };
}

/** Rows from flat form values ("stops.0.stationId", ...) for the given fields. */
export function rowsFromValues<F extends string>(values: Record<string, string>, prefix: string, fields: readonly F[]): Record<F, string>[] {
  const rows: Record<F, string>[] = [];
  for (let i = 0; ; i++) {
    if (!fields.some((f) => `${prefix}.${i}.${f}` in values)) break;
    rows.push(Object.fromEntries(fields.map((f) => [f, values[`${prefix}.${i}.${f}`] ?? ""])) as Record<F, string>);
  }
  return rows;
}

export function useEditableRows<T extends object>(initial: T[], onStructureChange?: () => void) {
  const [rows, setRows] = useState<Row<T>[]>(() => initial.map(withKey));
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<string | null>(null);
  const targets = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    if (!focusAfter.current) return;
    const target = targets.current.get(focusAfter.current);
    // A registered row (not a control itself) hands focus to its first field.
    const control = target?.matches("button, input, select, textarea") ? target : target?.querySelector<HTMLElement>("input, select, textarea, button");
    control?.focus();
    focusAfter.current = null;
  }, [rows]);

  /**
   * A ref callback registering an element focus may move to after a change: a row's control as
   * "<rowKey>:<name>" (e.g. "12:up", "12:station"), or a list-wide one such as "add".
   */
  const focusRef = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) targets.current.set(id, el);
      else targets.current.delete(id);
    },
    [],
  );

  function update(key: number, patch: Partial<T>) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  function move(index: number, by: -1 | 1, describe: (row: Row<T>, position: number) => string) {
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(target, 0, row!);
    // Keep focus on the pressed button; at either end it is disabled, so use the other one.
    const atEnd = target === 0 || target === rows.length - 1;
    focusAfter.current = `${row!.key}:${atEnd ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down"}`;
    setRows(next);
    setAnnouncement(describe(row!, target + 1));
    onStructureChange?.();
  }

  function remove(index: number, describe: (row: Row<T>) => string, focusKey: string) {
    const row = rows[index];
    if (!row) return;
    focusAfter.current = focusKey;
    setRows(rows.filter((_, i) => i !== index));
    setAnnouncement(describe(row));
    onStructureChange?.();
  }

  function add(row: T, at: number | undefined, describe: string, focusName: string) {
    const created = withKey(row);
    const next = [...rows];
    next.splice(at ?? next.length, 0, created);
    focusAfter.current = `${created.key}:${focusName}`;
    setRows(next);
    setAnnouncement(describe);
    onStructureChange?.();
  }

  return { rows, update, move, remove, add, announcement, focusRef };
}

/** Small buttons for a row's Move up / Move down / Remove. */
export const rowButton =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";
