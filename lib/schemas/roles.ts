// The roles an account can have, lowest first. A conductor is a passenger who may also check
// tickets on board (/check, POST /api/v1/tickets/verify); an admin (operator) may do everything,
// conductor work included. Prisma-free: the admin's role form imports it.
export const ROLES = ["PASSENGER", "CONDUCTOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = { PASSENGER: "Passenger", CONDUCTOR: "Conductor", ADMIN: "Admin" };

/** Whether `role` may check tickets: conductors and the operators above them. */
export function canCheckTickets(role: RoleName): boolean {
  return role === "CONDUCTOR" || role === "ADMIN";
}
