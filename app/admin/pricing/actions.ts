"use server";
// Thin server actions for fares, refund and exchange rules and quota pools (lib/admin/network/fares.ts,
// refund-rules.ts, quotas.ts hold the rules and the transactions).
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { formatMoney } from "@/lib/money";
import { basisPointsToPercent, concessionDiscountFormSchema, exchangeRulesFormSchemaFor, fareRateFormSchemaFor, quotaRuleFormSchema, refundRulesFormSchemaFor, serviceQuotaMoveSchema, trainQuotaFormSchema } from "@/lib/schemas/admin-pricing";
import { changeFareRate } from "@/lib/admin/network/fares";
import { changeConcessionDiscount } from "@/lib/admin/network/concessions";
import { replaceRefundRules } from "@/lib/admin/network/refund-rules";
import { replaceExchangeRules } from "@/lib/admin/network/exchange-rules";
import { savedMessage } from "@/lib/admin/network/rule-versions";
import { moveServiceSeats, setQuotaMinAge, setTrainQuota } from "@/lib/admin/network/quotas";

export const changeFareAction = formAction({ access: "admin", schema: fareRateFormSchemaFor }, async (input) => {
  const { changed, rate } = await changeFareRate(input);
  revalidatePath("/admin/pricing");
  if (!changed) return { status: "success", message: "Those are the fares already in force; nothing changed." };
  return {
    status: "success",
    message: `New ${input.classCode.toLowerCase()} fares apply from now: ${formatMoney(rate.baseMinor, rate.currency)} + ${formatMoney(rate.perKmMinor, rate.currency)}/km, at least ${formatMoney(rate.minMinor, rate.currency)}. Bookings already made keep their price.`,
  };
});

export const refundRulesAction = formAction({ access: "admin", schema: refundRulesFormSchemaFor }, async (input) => {
  const change = await replaceRefundRules(input);
  revalidatePath("/admin/pricing");
  return { status: "success", message: savedMessage("Refund rules", change, "cancellations") };
});

export const exchangeRulesAction = formAction({ access: "admin", schema: exchangeRulesFormSchemaFor }, async (input) => {
  const change = await replaceExchangeRules(input);
  revalidatePath("/admin/pricing");
  return { status: "success", message: savedMessage("Exchange rules", change, "changes of booking") };
});

export const trainQuotaAction = formAction({ access: "admin", schema: trainQuotaFormSchema }, async (input) => {
  const { removed } = await setTrainQuota(input);
  revalidatePath("/admin/pricing/quotas");
  return {
    status: "success",
    message: removed
      ? `The ${input.quotaCode} pool for ${input.classCode} is removed for services generated from now on.`
      : `${input.seatCount} ${input.classCode} seats will be kept for ${input.quotaCode} on services generated from now on.`,
  };
});

export const moveSeatsAction = formAction({ access: "admin", schema: serviceQuotaMoveSchema }, async (input) => {
  const { moved } = await moveServiceSeats(input);
  revalidatePath("/admin/pricing/quotas");
  const into = input.direction === "INTO_POOL" ? `from General into ${input.quotaCode}` : `from ${input.quotaCode} back to General`;
  return { status: "success", message: `Moved ${moved} ${input.classCode} ${moved === 1 ? "seat" : "seats"} ${into} on this service.` };
});

export const quotaRuleAction = formAction({ access: "admin", schema: quotaRuleFormSchema }, async (input) => {
  const quota = await setQuotaMinAge(input);
  revalidatePath("/admin/pricing/quotas");
  return {
    status: "success",
    message:
      quota.minAge === null
        ? `${quota.name} now admits travellers of any age. Bookings from now on are checked against it.`
        : `${quota.name} now admits only bookings where every traveller is aged ${quota.minAge} or over. Bookings already made keep their seats.`,
  };
});

export const concessionDiscountAction = formAction({ access: "admin", schema: concessionDiscountFormSchema }, async (input) => {
  const { changed, name, discount } = await changeConcessionDiscount(input);
  revalidatePath("/admin/pricing");
  if (!changed) return { status: "success", message: `${name} already takes ${basisPointsToPercent(discount.discountBasisPoints)} % off; nothing changed.` };
  return {
    status: "success",
    message: `${name} takes ${basisPointsToPercent(discount.discountBasisPoints)} % off from now. Tickets already sold keep the discount they were charged.`,
  };
});
