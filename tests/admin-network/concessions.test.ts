// Editing a concession's discount (docs/decisions/041): history like fares, a change from the
// instant it is saved, the form's percent parsed to basis points from the digits.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeConcessionDiscount, concessionOverview } from "@/lib/admin/network/concessions";
import { concessionsOnSale } from "@/lib/fares/concessions";
import { concessionDiscountFormSchema } from "@/lib/schemas/admin-pricing";
import { uniqueSuffix } from "../helpers/factories";

async function concession(discountBasisPoints: number) {
  const code = `ADM_${uniqueSuffix().slice(0, 8).toUpperCase()}`;
  await db().concession.create({ data: { code, name: `Large family ${code}`, proof: "Large Family Card" } });
  await db().concessionDiscount.create({ data: { concessionCode: code, discountBasisPoints, validFrom: new Date("2024-01-01") } });
  return code;
}

describe("concession discount form", () => {
  it("reads percent as basis points and refuses what is not a share", () => {
    const parse = (discount: string) => concessionDiscountFormSchema.safeParse({ concessionCode: "student", discount });
    expect(parse("51").data).toEqual({ concessionCode: "STUDENT", discount: 5100 });
    expect(parse("37,5").data?.discount).toBe(3750);
    for (const bad of ["101", "-5", "", "abc", "1.234"]) {
      expect(parse(bad).error?.issues.map((i) => i.message)).toEqual(["Enter a discount from 0 to 100 (%), at most 2 decimal places."]);
    }
  });
});

describe("changing a concession's discount", () => {
  it("closes the discount in force and opens the new one at the same instant, with history shown", async () => {
    const code = await concession(3700);
    const now = new Date();
    const change = await changeConcessionDiscount({ concessionCode: code, discount: 4000 }, now);
    expect(change.changed).toBe(true);

    const rows = await db().concessionDiscount.findMany({ where: { concessionCode: code }, orderBy: { validFrom: "asc" } });
    expect(rows.map((r) => [r.discountBasisPoints, r.validTo?.getTime() ?? null])).toEqual([
      [3700, now.getTime()],
      [4000, null],
    ]);
    expect((await concessionsOnSale(db(), new Date(now.getTime() - 1))).find((c) => c.code === code)?.discountBasisPoints).toBe(3700);
    expect((await concessionsOnSale(db(), now)).find((c) => c.code === code)?.discountBasisPoints).toBe(4000);

    const overview = (await concessionOverview()).find((c) => c.code === code)!;
    expect(overview.current?.discountBasisPoints).toBe(4000);
    expect(overview.history.map((h) => h.discountBasisPoints)).toEqual([3700]);
    expect(overview.proof).toBe("Large Family Card");
  });

  it("leaves history alone when nothing changed, and refuses an unknown concession", async () => {
    const code = await concession(3700);
    expect((await changeConcessionDiscount({ concessionCode: code, discount: 3700 })).changed).toBe(false);
    expect(await db().concessionDiscount.count({ where: { concessionCode: code } })).toBe(1);
    await expect(changeConcessionDiscount({ concessionCode: "NO_SUCH_CONCESSION", discount: 100 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
