"use server";
// Thin server action for generating services (lib/services/generate-services.ts does the work).
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { generateServicesSchema } from "@/lib/schemas/admin-network";
import { generateForTrain } from "@/lib/admin/network/services";

export const generateServicesAction = formAction({ access: "admin", schema: generateServicesSchema }, async (input) => {
  const result = await generateForTrain(input);
  revalidatePath("/admin/services");
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const created = result.created === 0 ? "No new services were needed" : `Created ${plural(result.created, "service")} with ${plural(result.seats, "seat")}`;
  const skipped = result.skipped > 0 ? `; skipped ${plural(result.skipped, "date")} that already had one` : "";
  return { status: "success", message: `${created}${skipped}.` };
});
