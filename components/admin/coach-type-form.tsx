"use client";
// Create a coach type from a layout template, with a live preview drawn by the passengers' seat
// map, so the operator sees the coach before it exists. The server builds the same layout again
// from the template and size (lib/admin/network/coach-types.ts); nothing drawn here is trusted.
import { useMemo, useState } from "react";
import { COACH_TEMPLATES, coachTemplate } from "@/lib/network/coach-templates";
import { createCoachTypeAction } from "@/app/admin/coach-types/actions";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { useAdminForm } from "./use-admin-form";
import { SelectField } from "./fields";
import { CoachPreview, layoutAsCoach } from "./coach-preview";

export function CoachTypeForm({ classes }: { classes: { code: string; name: string }[] }) {
  const { state, pending, formRef, onSubmit, errors } = useAdminForm(createCoachTypeAction);
  const first = COACH_TEMPLATES[0]!;
  const [templateKey, setTemplateKey] = useState(state.values?.template ?? first.key);
  const template = coachTemplate(templateKey) ?? first;
  const [classCode, setClassCode] = useState(state.values?.classCode ?? template.suggestedClassCode);
  const [size, setSize] = useState(state.values?.size ?? String(template.size.default));

  const preview = useMemo(() => {
    const n = Number(size);
    if (!Number.isInteger(n) || n < template.size.min || n > template.size.max) return null;
    return layoutAsCoach(template.build(n), template.kind, classCode);
  }, [template, size, classCode]);

  function chooseTemplate(key: string) {
    const next = coachTemplate(key);
    if (!next) return;
    setTemplateKey(key);
    setClassCode(next.suggestedClassCode);
    setSize(String(next.size.default));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="code" label="Code" required maxLength={20} defaultValue={state.values?.code ?? ""} hint="Like B-2+2-64: letters, digits, + and -." errors={errors.code} />
        <TextField name="name" label="Name" required maxLength={120} defaultValue={state.values?.name ?? ""} errors={errors.name} />
        <SelectField
          name="template"
          label="Layout"
          value={templateKey}
          onChange={(e) => chooseTemplate(e.target.value)}
          options={COACH_TEMPLATES.map((t) => ({ value: t.key, label: t.name }))}
          hint={template.description}
          errors={errors.template}
        />
        <SelectField name="classCode" label="Class" value={classCode} onChange={(e) => setClassCode(e.target.value)} options={classes.map((c) => ({ value: c.code, label: c.name }))} errors={errors.classCode} />
        <TextField
          name="size"
          label={template.size.label}
          type="number"
          inputMode="numeric"
          min={template.size.min}
          max={template.size.max}
          value={size}
          onChange={(e) => setSize(e.target.value)}
          hint={`${template.size.min} to ${template.size.max}; ${template.seatsPerUnit} ${template.kind === "SLEEPER" ? "berths" : "seats"} each.`}
          errors={errors.size}
        />
      </div>
      <section aria-labelledby="preview-heading" className="space-y-2">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview{preview ? `: ${preview.seats.length} ${template.kind === "SLEEPER" ? "berths" : "seats"}` : ""}
        </h2>
        {preview ? <CoachPreview coach={preview} /> : <p className="text-slate-600">Enter a size from {template.size.min} to {template.size.max} to see the coach.</p>}
      </section>
      <SubmitButton pending={pending} pendingText="Creating…">
        Create coach type
      </SubmitButton>
    </form>
  );
}
