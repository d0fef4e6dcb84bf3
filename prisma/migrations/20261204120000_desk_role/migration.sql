-- The booking desk role (issue 18; docs/decisions/031-desk-role.md): staff who look bookings up
-- and resend e-tickets, and may do nothing else on the operator pages. Appended after ADMIN, as
-- the enum's order carries no meaning (lib/schemas/roles.ts orders roles for the UI).
ALTER TYPE "Role" ADD VALUE 'DESK';
