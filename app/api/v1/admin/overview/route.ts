// GET /api/v1/admin/overview: the operator dashboard's counts, for admins only (403 otherwise).
import { json, route } from "@/lib/http";
import { operationsOverview } from "@/lib/admin/overview";

export const GET = route({ access: "admin" }, async () => json(await operationsOverview()));
