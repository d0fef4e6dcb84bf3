// What a server action hands back to its form through useActionState. Prisma-free.
import type { FieldErrors } from "@/lib/errors";

export interface ActionState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted text values, so a form re-renders with what the person typed. */
  values?: Record<string, string>;
}

export const initialActionState: ActionState = { status: "idle" };
