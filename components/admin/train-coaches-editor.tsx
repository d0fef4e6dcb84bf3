"use client";
// A train's composition: coach types in running order, each with a label passengers see on their
// ticket ("A1", "B3"). Labels are unique within the train. Reordered with buttons like the stops.
import { TextField } from "@/components/auth/form-controls";
import type { FieldErrors } from "@/lib/errors";
import { GroupError, SelectField } from "./fields";
import { rowButton, useEditableRows } from "./editable-rows";

export const COACH_FIELDS = ["coachTypeId", "label"] as const;
export type CoachDraft = Record<(typeof COACH_FIELDS)[number], string>;

interface Props {
  initial: CoachDraft[];
  coachTypes: { id: string; code: string; name: string; classCode: string; seats: number }[];
  errors: FieldErrors;
  onStructureChange: () => void;
}

export function TrainCoachesEditor({ initial, coachTypes, errors, onStructureChange }: Props) {
  const { rows, update, move, remove, add, announcement, focusRef } = useEditableRows(initial, onStructureChange);
  const byId = new Map(coachTypes.map((c) => [c.id, c]));
  const options = coachTypes.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }));
  const describe = (row: CoachDraft) => (row.label ? `coach ${row.label}` : "the new coach");
  const seatsByClass = new Map<string, number>();
  for (const row of rows) {
    const type = byId.get(row.coachTypeId);
    if (type) seatsByClass.set(type.classCode, (seatsByClass.get(type.classCode) ?? 0) + type.seats);
  }
  const last = rows.length - 1;

  return (
    <fieldset className="space-y-3">
      <legend className="text-lg font-semibold">Coaches</legend>
      <p className="text-sm text-slate-600">
        In running order from the front. Services generated after a change get the new composition; existing services keep theirs.
      </p>
      <GroupError id="coaches-error" errors={errors.coaches} />
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const e = (field: string) => errors[`coaches.${i}.${field}`];
          return (
            <li key={row.key}>
              <fieldset className="rounded-lg border border-slate-200 bg-slate-50 p-3">
                <legend className="px-1 font-semibold text-slate-800">{`Coach ${i + 1}`}</legend>
                <div className="grid gap-3 sm:grid-cols-6">
                  <SelectField
                    ref={focusRef(`${row.key}:type`)}
                    className="sm:col-span-4"
                    name={`coaches.${i}.coachTypeId`}
                    label="Coach type"
                    placeholder="Choose a coach type"
                    value={row.coachTypeId}
                    onChange={(ev) => update(row.key, { coachTypeId: ev.target.value })}
                    options={options}
                    hint={byId.get(row.coachTypeId) ? `${byId.get(row.coachTypeId)!.seats} places, ${byId.get(row.coachTypeId)!.classCode.toLowerCase()} class` : undefined}
                    errors={e("coachTypeId")}
                  />
                  <TextField className="sm:col-span-2" name={`coaches.${i}.label`} label="Label" maxLength={4} autoCapitalize="characters" value={row.label} onChange={(ev) => update(row.key, { label: ev.target.value })} errors={e("label")} />
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <button ref={focusRef(`${row.key}:up`)} type="button" className={rowButton} disabled={i === 0} onClick={() => move(i, -1, (r, at) => `${describe(r)} is now coach ${at}.`)} aria-label={`Move coach ${i + 1} up`}>
                    Move up
                  </button>
                  <button ref={focusRef(`${row.key}:down`)} type="button" className={rowButton} disabled={i === last} onClick={() => move(i, 1, (r, at) => `${describe(r)} is now coach ${at}.`)} aria-label={`Move coach ${i + 1} down`}>
                    Move down
                  </button>
                  <button type="button" className={rowButton} disabled={rows.length <= 1} onClick={() => remove(i, (r) => `Removed ${describe(r)}.`, "add-coach")} aria-label={`Remove coach ${i + 1}`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button ref={focusRef("add-coach")} type="button" className={rowButton} onClick={() => add({ coachTypeId: "", label: "" }, undefined, `Coach ${rows.length + 1} added.`, "type")}>
        Add a coach
      </button>
      {seatsByClass.size > 0 ? (
        <p className="text-sm text-slate-700">
          Capacity: {[...seatsByClass].map(([cls, n]) => `${n} ${cls.toLowerCase()}`).join(", ")}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
