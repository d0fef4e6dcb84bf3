// The server-action twin of lib/http.ts: check access, parse FormData with the shared zod schema,
// and turn failures into field errors the form shows next to each field.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrorsFrom } from "@/lib/validation";
import { toAppError } from "@/lib/http";
import { findUnstorable } from "@/lib/http-edge/request-input";
import { getSessionUser, type CurrentUser } from "@/lib/auth/current-user";
import { canUseDesk } from "@/lib/schemas/roles";
import type { ActionState } from "@/lib/action-state";
import { inSpan } from "@/lib/telemetry/spans";
import { getLocale } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";

/** "desk": desk staff and admins (lib/schemas/roles.ts). */
type Access = "public" | "user" | "desk" | "admin";
type UserFor<A extends Access> = A extends "public" ? CurrentUser | null : CurrentUser;

export function formAction<A extends Access, S extends z.ZodType>(
  /** `schema` may depend on the reader's language: how numbers are typed differs (lib/i18n/parse-number.ts). */
  spec: { access: A; schema: S | ((locale: Locale) => S) },
  handler: (input: z.infer<S>, user: UserFor<A>) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    // Next.js names the action only by its id, in a $ACTION_ID_<id> field of the form.
    const actionId = [...formData.keys()].find((key) => key.startsWith("$ACTION_ID_"))?.slice("$ACTION_ID_".length) ?? "unknown";
    return inSpan("server action", { "railbook.action.id": actionId, "railbook.action.access": spec.access }, () => run(formData));
  };

  async function run(formData: FormData): Promise<ActionState> {
    const values = textValues(formData);
    try {
      const user = await getSessionUser();
      if (spec.access !== "public" && !user) throw new AppError("UNAUTHENTICATED");
      if (spec.access === "admin" && user?.role !== "ADMIN") throw new AppError("FORBIDDEN");
      if (spec.access === "desk" && !(user && canUseDesk(user.role))) throw new AppError("FORBIDDEN");

      const unstorable = findUnstorable(values);
      if (unstorable) {
        const fieldErrors = { [unstorable]: ["Remove the control or broken characters from this field."] };
        return { status: "error", message: "Please correct the highlighted fields.", fieldErrors, values: echoable(values) };
      }
      const schema = typeof spec.schema === "function" ? spec.schema(await getLocale()) : spec.schema;
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFrom(parsed.error), values: echoable(values) };
      }
      return (await handler(parsed.data, user as UserFor<A>)) ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() must reach Next.js
      const appError = toAppError(error);
      const fieldErrors = (appError.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
      return { status: "error", message: appError.message, fieldErrors, values: echoable(values) };
    }
  }
}

/** The submitted text fields, for the schema; echoed back to the form minus secrets. */
function textValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

const SECRET_FIELD = /password|card|cvc|secret|token/i;

function echoable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)));
}
