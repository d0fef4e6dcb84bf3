// GET  /api/v1/admin/schedule-changes?serviceId=: a service's schedule changes, newest first.
// POST /api/v1/admin/schedule-changes: delay (0 = back on time), platform change or cancellation.
// A cancellation cancels and fully refunds every live booking; sending it again is safe (it
// finishes what is left and refunds nothing twice): 201 when a change was recorded, 200 when not.
import { json, route } from "@/lib/http";
import { actorOf } from "@/lib/auth/actor";
import { paymentProvider } from "@/lib/payments";
import { scheduleChangeSchema, scheduleChangesQuerySchema } from "@/lib/schemas/admin-ops";
import { applyScheduleChange } from "@/lib/admin/apply-schedule-change";
import { scheduleChanges } from "@/lib/admin/schedule-history";

export const GET = route({ access: "admin", query: scheduleChangesQuerySchema }, async ({ query }) => json({ changes: await scheduleChanges(query.serviceId) }));

export const POST = route({ access: "admin", body: scheduleChangeSchema }, async ({ user, body }) => {
  const { created, result } = await applyScheduleChange(actorOf(user), body, paymentProvider());
  return json(result, created ? 201 : 200);
});
