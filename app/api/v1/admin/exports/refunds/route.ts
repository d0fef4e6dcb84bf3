// GET /api/v1/admin/exports/refunds?from=&to=: the refunds CSV for a range of local days (admins; decision 032).
import { route } from "@/lib/http";
import { exportRangeSchema } from "@/lib/schemas/admin-exports";
import { resolveExportRange } from "@/lib/admin/exports/exports";
import { csvResponse } from "@/lib/admin/exports/csv-response";

export const GET = route({ access: "admin", query: exportRangeSchema }, async ({ query }) => csvResponse("refunds", resolveExportRange(query)));
