// POST /api/v1/auth/register {name, email, password} -> 201 {user: {id, name, email, role}}.
import { json, route } from "@/lib/http";
import { registerSchema } from "@/lib/schemas/auth";
import { registerUser } from "@/lib/auth/register";
import { clientAddress } from "@/lib/net/client-address";

export const POST = route({ access: "public", body: registerSchema }, async ({ request, body }) => {
  const user = await registerUser(body, clientAddress(request.headers));
  return json({ user: { id: user.id, name: user.name, email: user.email, role: user.role } }, 201);
});
