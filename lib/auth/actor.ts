// Who acts on a booking: a signed-in person (with the role they acted in) or the system itself
// (the hold sweeper, chart preparation, a promotion from the waiting list). Every front end (route
// handler, server action, CLI, gRPC) turns its own notion of a caller into one of these.
import { type RoleName } from "@/lib/schemas/roles";
export interface UserActor {
  userId: string;
  role: RoleName;
}

export type Actor = UserActor | "SYSTEM";

export function actorOf(user: { id: string; role: RoleName }): UserActor {
  return { userId: user.id, role: user.role };
}
