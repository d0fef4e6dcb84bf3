// GET /api/v1/account/export -> 200 JSON attachment: the caller's own data (profile, bookings with
// passengers, payments, refunds, notices, API tokens). Owner only by construction: it reads the
// signed-in caller's id and nothing else (lib/accounts/export-data.ts).
import { json, route } from "@/lib/http";
import { exportAccountData } from "@/lib/accounts/export-data";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, async ({ user }) => {
  const data = await exportAccountData(user.id);
  const day = data.exportedAt.slice(0, 10);
  return json(data, 200, { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="railbook-my-data-${day}.json"` });
});
