// PUT /api/v1/admin/users/{userId}/role {"role": "ADMIN" | "PASSENGER"}: promote or demote.
// Refused (409) when it would leave no admin at all; the change applies from the next request.
import { json, route } from "@/lib/http";
import { actorOf } from "@/lib/auth/actor";
import { roleBodySchema } from "@/lib/schemas/admin-ops";
import { setRole } from "@/lib/admin/users";

export const PUT = route<"admin", typeof roleBodySchema, undefined, { userId: string }>({ access: "admin", body: roleBodySchema }, async ({ user, body, params }) => {
  const { user: changed } = await setRole(actorOf(user), { userId: params.userId, role: body.role });
  return json({ user: changed });
});
