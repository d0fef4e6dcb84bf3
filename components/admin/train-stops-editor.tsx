"use client";
// The ordered stops of a train: station, clock times on that station's own clock with the day
// they fall on (docs/decisions/009-train-timetable-entry.md), distance from the first stop and
// platform. The first stop shows only a departure and the last only an arrival. Stops are added,
// removed and reordered with buttons; every input is named "stops.<i>.<field>" so the server's
// field errors land next to it.
import { TextField } from "@/components/auth/form-controls";
import type { FieldErrors } from "@/lib/errors";
import { GroupError, SelectField } from "./fields";
import { rowButton, useEditableRows } from "./editable-rows";

export const STOP_FIELDS = ["stationId", "arrivalTime", "arrivalDay", "departureTime", "departureDay", "distanceKm", "platform"] as const;
export type StopDraft = Record<(typeof STOP_FIELDS)[number], string>;

export const emptyStop = (): StopDraft => ({ stationId: "", arrivalTime: "", arrivalDay: "0", departureTime: "", departureDay: "0", distanceKm: "", platform: "" });

const DAYS = [
  { value: "0", label: "Service date" },
  { value: "1", label: "+1 day" },
  { value: "2", label: "+2 days" },
  { value: "3", label: "+3 days" },
];

interface Props {
  initial: StopDraft[];
  stations: { id: string; code: string; name: string; timeZone: string }[];
  errors: FieldErrors;
  onStructureChange: () => void;
}

export function TrainStopsEditor({ initial, stations, errors, onStructureChange }: Props) {
  const { rows, update, move, remove, add, announcement, focusRef } = useEditableRows(initial, onStructureChange);
  const byId = new Map(stations.map((s) => [s.id, s]));
  const options = stations.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  const nameOf = (stationId: string) => byId.get(stationId)?.name ?? "no station yet";
  const originZone = byId.get(rows[0]?.stationId ?? "")?.timeZone;
  const last = rows.length - 1;
  const dayOptions = (value: string) => (DAYS.some((d) => d.value === value) ? DAYS : [{ value, label: `${value} days` }, ...DAYS]);

  return (
    <fieldset className="space-y-3">
      <legend className="text-lg font-semibold">Stops</legend>
      <p className="text-sm text-slate-600">
        Times are on each station&apos;s own clock. If the train runs past midnight, choose the day a time falls on.
      </p>
      <GroupError id="stops-error" errors={errors.stops} />
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const e = (field: string) => errors[`stops.${i}.${field}`];
          const zone = byId.get(row.stationId)?.timeZone;
          const role = i === 0 ? " · first" : i === last ? " · last" : "";
          return (
            <li key={row.key}>
              <fieldset className="rounded-lg border border-slate-200 bg-slate-50 p-3">
                <legend className="px-1 font-semibold text-slate-800">{`Stop ${i + 1}${role}`}</legend>
                <div className="grid gap-3 sm:grid-cols-6">
                  <SelectField
                    ref={focusRef(`${row.key}:station`)}
                    className="sm:col-span-3"
                    name={`stops.${i}.stationId`}
                    label="Station"
                    placeholder="Choose a station"
                    value={row.stationId}
                    onChange={(ev) => update(row.key, { stationId: ev.target.value })}
                    options={options}
                    hint={zone && originZone && zone !== originZone ? `Times here are on the ${zone} clock.` : undefined}
                    errors={e("stationId")}
                  />
                  <TextField className="sm:col-span-2" name={`stops.${i}.distanceKm`} label="Distance (km)" inputMode="numeric" value={row.distanceKm} onChange={(ev) => update(row.key, { distanceKm: ev.target.value })} errors={e("distanceKm")} />
                  <TextField className="sm:col-span-1" name={`stops.${i}.platform`} label="Platform" maxLength={8} value={row.platform} onChange={(ev) => update(row.key, { platform: ev.target.value })} errors={e("platform")} />
                  {i > 0 ? (
                    <>
                      <TextField className="sm:col-span-2" name={`stops.${i}.arrivalTime`} label="Arrives" placeholder="HH:MM" inputMode="numeric" value={row.arrivalTime} onChange={(ev) => update(row.key, { arrivalTime: ev.target.value })} errors={e("arrivalTime")} />
                      <SelectField className="sm:col-span-1" name={`stops.${i}.arrivalDay`} label="Arrival day" value={row.arrivalDay} onChange={(ev) => update(row.key, { arrivalDay: ev.target.value })} options={dayOptions(row.arrivalDay)} errors={e("arrivalDay")} />
                    </>
                  ) : null}
                  {i < last ? (
                    <>
                      <TextField className="sm:col-span-2" name={`stops.${i}.departureTime`} label="Departs" placeholder="HH:MM" inputMode="numeric" value={row.departureTime} onChange={(ev) => update(row.key, { departureTime: ev.target.value })} errors={e("departureTime")} />
                      {i === 0 ? (
                        <input type="hidden" name={`stops.${i}.departureDay`} value="0" />
                      ) : (
                        <SelectField className="sm:col-span-1" name={`stops.${i}.departureDay`} label="Departure day" value={row.departureDay} onChange={(ev) => update(row.key, { departureDay: ev.target.value })} options={dayOptions(row.departureDay)} errors={e("departureDay")} />
                      )}
                    </>
                  ) : null}
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <button ref={focusRef(`${row.key}:up`)} type="button" className={rowButton} disabled={i === 0} onClick={() => move(i, -1, (r, at) => `${nameOf(r.stationId)} is now stop ${at}.`)} aria-label={`Move stop ${i + 1} (${nameOf(row.stationId)}) up`}>
                    Move up
                  </button>
                  <button ref={focusRef(`${row.key}:down`)} type="button" className={rowButton} disabled={i === last} onClick={() => move(i, 1, (r, at) => `${nameOf(r.stationId)} is now stop ${at}.`)} aria-label={`Move stop ${i + 1} (${nameOf(row.stationId)}) down`}>
                    Move down
                  </button>
                  <button type="button" className={rowButton} disabled={rows.length <= 2} onClick={() => remove(i, (r) => `Stop ${nameOf(r.stationId)} removed.`, "add-stop")} aria-label={`Remove stop ${i + 1} (${nameOf(row.stationId)})`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button ref={focusRef("add-stop")} type="button" className={rowButton} onClick={() => add(emptyStop(), undefined, `Stop ${rows.length + 1} added.`, "station")}>
        Add a stop
      </button>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
