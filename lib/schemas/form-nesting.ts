// Server actions receive a form as flat text fields ("stops.0.stationId", "stops.1.stationId", ...).
// Schemas of forms with repeated rows nest them back into objects and arrays first, so zod reports
// each problem at the very dotted path the input is named by, and the form can show it next to the
// field (lib/validation.ts joins issue paths with dots). Prisma-free: client components import it.
import { z } from "zod";

const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
/** Rows a form may carry; a larger index is someone probing, not an operator editing. */
const MAX_INDEX = 500;

type Node = Record<string, unknown> | unknown[];

function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment) && Number(segment) <= MAX_INDEX;
}

/**
 * `{ "a.0.b": "x", "a.1.b": "y", c: "z" }` becomes `{ a: [{ b: "x" }, { b: "y" }], c: "z" }`.
 * Array holes (a row index missing from the form) are dropped, so the rows keep their order.
 */
export function nestFormValues(values: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = key.split(".");
    if (path.some((segment) => UNSAFE_KEYS.has(segment) || segment === "")) continue;
    let node: Node = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      const slot: string | number = Array.isArray(node) ? Number(segment) : segment;
      if (Array.isArray(node) && !isIndex(segment)) break; // a named key inside a list: ignore the field
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
        break;
      }
      const existing: unknown = container[slot];
      const next: Node = existing && typeof existing === "object" ? (existing as Node) : isIndex(path[i + 1]!) ? [] : {};
      container[slot] = next;
      node = next;
    }
  }
  return compact(root) as Record<string, unknown>;
}

function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== undefined).map(compact);
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compact(v)]));
  }
  return node;
}

/** A schema for a form with repeated rows: nests the flat fields, then validates. */
export function nestedForm<S extends z.ZodType>(schema: S) {
  return z.preprocess((input) => (input && typeof input === "object" ? nestFormValues(input as Record<string, unknown>) : input), schema);
}

/** An optional text field: an empty or blank input means "not given". */
export function optionalText<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
}

/** Whole numbers typed into a form; blank means "not given" so the schema can say it is required. */
export function formInt(messages: { required: string; invalid: string }) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ error: (issue) => (issue.input === undefined ? messages.required : messages.invalid) }).int(messages.invalid),
  );
}
