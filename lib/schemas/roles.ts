// The roles an account can have, lowest first. A conductor is a passenger who may also check
// tickets on board (/check, POST /api/v1/tickets/verify); an admin (operator) may do everything,
// conductor work included. Desk staff look bookings up and resend tickets (canUseDesk). Prisma-free: the admin's role form imports it.
export const ROLES = ["PASSENGER", "CONDUCTOR", "DESK", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = { PASSENGER: "Passenger", CONDUCTOR: "Conductor", DESK: "Desk", ADMIN: "Admin" };

/**
 * Whether `role` may use the booking desk: look bookings up (read-only) and resend e-tickets.
 * Desk staff and admins; every other operator page and API stays admin-only (decision 031).
 */
export function canUseDesk(role: RoleName): boolean {
  return role === "DESK" || role === "ADMIN";
}

/** Whether `role` may check tickets: conductors and the operators above them. */
export function canCheckTickets(role: RoleName): boolean {
  return role === "CONDUCTOR" || role === "ADMIN";
}
