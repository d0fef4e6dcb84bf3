"use client";
// Schedule changes for one service, for operators: announce a delay (0 = back on time), change the
// platform at one station, or cancel the train (every booking cancelled with a full refund). Each
// is its own small form with field errors; the server re-checks everything, including that the
// train has not left. Mountable on any page that knows the service (the schedule page does).
import { useState } from "react";
import { cancelServiceAction, delayAction, platformAction } from "@/app/admin/services/[serviceId]/schedule/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { CheckboxField, SelectField } from "@/components/admin/fields";
import { useAdminForm } from "@/components/admin/use-admin-form";

export interface ScheduleFormService {
  id: string;
  status: "SCHEDULED" | "DELAYED" | "CANCELLED";
  delayMinutes: number;
  departed: boolean;
  /** Live bookings: a cancellation reaches these (and offers to finish when some are left). */
  liveBookings: number;
  stops: { stationId: string; name: string; platform: string | null }[];
}

const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

function DelayForm({ service }: { service: ScheduleFormService }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(delayAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={box} aria-labelledby="delay-heading">
      <h3 id="delay-heading" className="font-semibold text-slate-900">Delay</h3>
      <FormAlert state={state} />
      <input type="hidden" name="serviceId" value={service.id} />
      <TextField name="delayMinutes" label="Minutes late" type="number" inputMode="numeric" min={0} max={1440} required defaultValue={state.values?.delayMinutes ?? String(service.delayMinutes)} hint="0 when the train is back on time." errors={errors.delayMinutes} />
      <TextField name="reason" label="Reason (passengers see it)" maxLength={200} defaultValue={state.values?.reason ?? ""} errors={errors.reason} />
      <SubmitButton pending={pending} pendingText="Announcing…">Announce delay</SubmitButton>
    </form>
  );
}

function PlatformForm({ service }: { service: ScheduleFormService }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(platformAction);
  const options = service.stops.map((s) => ({ value: s.stationId, label: `${s.name}${s.platform ? ` (now ${s.platform})` : ""}` }));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={box} aria-labelledby="platform-heading">
      <h3 id="platform-heading" className="font-semibold text-slate-900">Platform change</h3>
      <FormAlert state={state} />
      <input type="hidden" name="serviceId" value={service.id} />
      <SelectField name="stationId" label="Station" options={options} placeholder="Choose a station" defaultValue={state.values?.stationId ?? ""} errors={errors.stationId} hint="Passengers boarding or leaving the train there are told." />
      <TextField name="platform" label="New platform" maxLength={10} required defaultValue={state.values?.platform ?? ""} errors={errors.platform} />
      <TextField name="reason" label="Reason (optional)" maxLength={200} defaultValue={state.values?.reason ?? ""} errors={errors.reason} />
      <SubmitButton pending={pending} pendingText="Saving…">Change platform</SubmitButton>
    </form>
  );
}

function CancelForm({ service }: { service: ScheduleFormService }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(cancelServiceAction);
  const [confirmed, setConfirmed] = useState(false);
  const finishing = service.status === "CANCELLED";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={`${box} border-red-200`} aria-labelledby="cancel-heading">
      <h3 id="cancel-heading" className="font-semibold text-red-900">{finishing ? "Finish the cancellation" : "Cancel this train"}</h3>
      <p className="text-sm text-slate-700">
        {finishing
          ? `${service.liveBookings} bookings are still live on this cancelled train. Finishing cancels them with a full refund.`
          : `All ${service.liveBookings} live bookings are cancelled with a full refund, their seats released and every passenger told. It cannot be undone.`}
      </p>
      <FormAlert state={state} />
      <input type="hidden" name="serviceId" value={service.id} />
      <TextField name="reason" label="Reason (passengers see it)" required maxLength={200} defaultValue={state.values?.reason ?? ""} errors={errors.reason} />
      <CheckboxField name="confirm" label="I understand every booking is cancelled and refunded in full" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} errors={errors.confirm} />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-red-700 px-4 py-2.5 font-semibold text-white hover:bg-red-800 disabled:opacity-70 sm:w-auto">
        {pending ? "Cancelling…" : finishing ? "Finish cancelling" : "Cancel train and refund everyone"}
      </button>
    </form>
  );
}

export function ScheduleChangeForm({ service }: { service: ScheduleFormService }) {
  if (service.departed) {
    return <p className="rounded-md bg-slate-50 p-4 text-sm text-slate-700">This train has left: its schedule can no longer be changed.</p>;
  }
  if (service.status === "CANCELLED") {
    return service.liveBookings > 0 ? <CancelForm service={service} /> : <p className="rounded-md bg-red-50 p-4 text-sm text-red-900">This train is cancelled and every booking on it has been cancelled and refunded.</p>;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <DelayForm service={service} />
      <PlatformForm service={service} />
      <CancelForm service={service} />
    </div>
  );
}
