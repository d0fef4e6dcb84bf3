// GET /api/v1/admin/analytics?days=30 (or ?from=2026-01-01&to=2026-01-31): the dashboard's figures.
import { json, route } from "@/lib/http";
import { analyticsRangeSchema } from "@/lib/schemas/admin-ops";
import { analyticsFor, resolveRange } from "@/lib/admin/analytics";

export const GET = route({ access: "admin", query: analyticsRangeSchema }, async ({ query }) => json(await analyticsFor(resolveRange(query))));
