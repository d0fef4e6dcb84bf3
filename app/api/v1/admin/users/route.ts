// GET /api/v1/admin/users?q=&page=: accounts (search by name or e-mail), newest first.
import { json, route } from "@/lib/http";
import { userSearchSchema } from "@/lib/schemas/admin-ops";
import { listUsers } from "@/lib/admin/users";

export const GET = route({ access: "admin", query: userSearchSchema }, async ({ query }) => json(await listUsers(query)));
