// Concession discounts, with history, edited as fares are (lib/admin/network/fares.ts): a change
// never edits a discount in place. In one SERIALIZABLE transaction the discount in force is closed
// (validTo = the change's instant) and the new one opens at that instant, so at every moment exactly
// one applies and the past stays as it was. Booked passengers keep the discount they were charged
// (BookingPassenger.discountBasisPoints, fareMinor), so they are untouched either way. Decision 041.
import "server-only";
import { db } from "@/lib/db";
import { serializable } from "@/lib/db/serializable";
import { validationError } from "@/lib/errors";
import type { ConcessionDiscountFormInput } from "@/lib/schemas/admin-pricing";
import type { ConcessionTerms } from "@/lib/fares/concession-terms";

export interface DiscountView {
  id: string;
  discountBasisPoints: number;
  validFrom: Date;
  validTo: Date | null;
}

/** Who a concession is for and its proof (the terms the booking engine prices by), and its discounts over time. */
export interface ConcessionOverview extends Omit<ConcessionTerms, "discountBasisPoints"> {
  active: boolean;
  current: DiscountView | null;
  /** Earlier discounts, newest first (at most `historyLimit`). */
  history: DiscountView[];
}

const inForce = (at: Date) => ({ validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] });

export async function concessionOverview(at = new Date(), historyLimit = 5): Promise<ConcessionOverview[]> {
  const concessions = await db().concession.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    include: { discounts: { where: { validFrom: { lte: at } }, orderBy: [{ validFrom: "desc" }, { id: "asc" }], take: historyLimit + 1 } },
  });
  return concessions.map(({ discounts, code, name, proof, automatic, minAge, maxAge, active }) => {
    const current = discounts.find((d) => d.validTo === null || d.validTo > at) ?? null;
    const strip = ({ id, discountBasisPoints, validFrom, validTo }: DiscountView) => ({ id, discountBasisPoints, validFrom, validTo });
    return {
      code, name, proof, automatic, minAge, maxAge, active,
      current: current && strip(current),
      history: discounts.filter((d) => d !== current).slice(0, historyLimit).map(strip),
    };
  });
}

export interface DiscountChange {
  changed: boolean;
  name: string;
  discount: DiscountView;
}

export async function changeConcessionDiscount(input: ConcessionDiscountFormInput, now = new Date()): Promise<DiscountChange> {
  const concession = await db().concession.findUnique({ where: { code: input.concessionCode } });
  if (!concession) throw validationError({ concessionCode: ["Choose a concession from the list."] }, "No such concession.");

  return serializable(async (tx) => {
    const open = await tx.concessionDiscount.findMany({ where: { concessionCode: concession.code, ...inForce(now) }, orderBy: [{ validFrom: "desc" }, { id: "asc" }] });
    const current = open[0];
    if (current && current.discountBasisPoints === input.discount) return { changed: false, name: concession.name, discount: current };
    // Every row in force is closed, not just the newest: a leftover overlap must not outlive the change.
    if (open.length > 0) await tx.concessionDiscount.updateMany({ where: { id: { in: open.map((r) => r.id) } }, data: { validTo: now } });
    const discount = await tx.concessionDiscount.create({ data: { concessionCode: concession.code, discountBasisPoints: input.discount, validFrom: now } });
    return { changed: true, name: concession.name, discount };
  });
}
