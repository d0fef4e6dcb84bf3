// "Do the new times reach the services already generated?": asked next to the train editor's save
// button whenever the train has coming services, answered only when stop times change (the server
// says so if they did and nothing is chosen). What each answer does: docs/decisions/037.
import { longDateLabel } from "@/lib/time/zoned";
import { GroupError } from "./fields";

export interface GeneratedServices {
  services: number;
  /** The first coming service's date. */
  from: string;
  /** Coming services with passengers. */
  booked: number;
}

export function ExistingServicesChoice({ generated, errors }: { generated: GeneratedServices; errors?: string[] }) {
  const invalid = Boolean(errors?.length);
  const from = longDateLabel(generated.from);
  const option = (value: "apply" | "keep", label: string, hint: string) => (
    <label className="flex gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
      <input type="radio" name="existingServices" value={value} aria-describedby={`existing-${value}-hint${invalid ? " existing-services-error" : ""}`} className="mt-1 h-4 w-4" />
      <span>
        <span className="block font-medium text-slate-900">{label}</span>
        <span id={`existing-${value}-hint`} className="block text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );
  return (
    // tabIndex and aria-invalid on the group: a refused save moves focus here (useFocusOnError).
    <fieldset className="space-y-2" aria-describedby="existing-services-what" aria-invalid={invalid || undefined} tabIndex={invalid ? -1 : undefined}>
      <legend className="font-semibold text-slate-900">If stop times change: services already generated</legend>
      <p id="existing-services-what" className="text-sm text-slate-600">
        {`${generated.services} ${generated.services === 1 ? "service is" : "services are"} already generated from ${from}${generated.booked > 0 ? `, ${generated.booked} with passengers booked` : ""}. They read their stop times from this train. Name, type, platforms and coaches do not need an answer.`}
      </p>
      <GroupError id="existing-services-error" errors={errors} />
      <div className="grid gap-2 lg:grid-cols-2">
        {option(
          "apply",
          `Apply to services already generated from ${from}`,
          generated.booked > 0
            ? "Every coming service runs to the new times. Booked passengers whose times change are told by notice and e-mail; their seats stay the same."
            : "Every coming service runs to the new times.",
        )}
        {option(
          "keep",
          "Only to services generated from now on",
          "Possible only for a new departure time with every stop moving by the same minutes: generated services keep their departure. Times changed between stops reach every service, so this choice is refused for them.",
        )}
      </div>
    </fieldset>
  );
}
