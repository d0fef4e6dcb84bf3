// Fare rates per class, with history. A change never edits a rate in place: in one SERIALIZABLE
// transaction the rate in force is closed (validTo = the change's instant) and the new one opens at
// that same instant, so at every moment exactly one rate applies and the past stays as it was.
// Bookings store what they charged, so they are untouched either way.
import "server-only";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { validationError } from "@/lib/errors";
import type { FareRateFormInput } from "@/lib/schemas/admin-pricing";

export const DEFAULT_CURRENCY = "PLN";

export interface FareRateView {
  id: string;
  classCode: string;
  baseMinor: number;
  perKmMinor: number;
  minMinor: number;
  currency: string;
  validFrom: Date;
  validTo: Date | null;
}

export interface ClassFares {
  classCode: string;
  className: string;
  current: FareRateView | null;
  /** Earlier rates, newest first (at most `historyLimit`). */
  history: FareRateView[];
}

const inForce = (at: Date) => ({ validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] });

export async function fareOverview(at = new Date(), historyLimit = 5): Promise<ClassFares[]> {
  const classes = await db().travelClass.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return Promise.all(
    classes.map(async (c) => {
      const rows = await db().fareRate.findMany({
        where: { classCode: c.code, validFrom: { lte: at } },
        orderBy: [{ validFrom: "desc" }, { id: "asc" }],
        take: historyLimit + 1,
      });
      const current = rows.find((r) => r.validTo === null || r.validTo > at) ?? null;
      return { classCode: c.code, className: c.name, current, history: rows.filter((r) => r !== current).slice(0, historyLimit) };
    }),
  );
}

export interface FareChange {
  changed: boolean;
  rate: FareRateView;
}

export async function changeFareRate(input: FareRateFormInput, now = new Date()): Promise<FareChange> {
  if (input.min < 0 || input.base < 0 || input.perKm < 0) throw validationError({ base: ["Amounts cannot be negative."] });
  const travelClass = await db().travelClass.findUnique({ where: { code: input.classCode } });
  if (!travelClass) throw validationError({ classCode: ["Choose a class from the list."] });

  return serializable(async (tx) => {
    const open = await tx.fareRate.findMany({ where: { classCode: input.classCode, ...inForce(now) }, orderBy: [{ validFrom: "desc" }, { id: "asc" }] });
    const current = open[0];
    if (current && current.baseMinor === input.base && current.perKmMinor === input.perKm && current.minMinor === input.min) {
      return { changed: false, rate: current };
    }
    // Every row in force is closed, not just the newest: a leftover overlap must not outlive the change.
    if (open.length > 0) await tx.fareRate.updateMany({ where: { id: { in: open.map((r) => r.id) } }, data: { validTo: now } });
    const rate = await tx.fareRate.create({
      data: {
        classCode: input.classCode,
        baseMinor: input.base,
        perKmMinor: input.perKm,
        minMinor: input.min,
        currency: current?.currency ?? DEFAULT_CURRENCY,
        validFrom: now,
      },
    });
    return { changed: true, rate };
  });
}
