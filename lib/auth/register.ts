// Creating an account. The unique index on User.email decides who gets an address: two people
// registering the same email at once cannot both pass a "does it exist?" check, so we insert and
// translate the unique violation instead.
import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RegisterInput } from "@/lib/schemas/auth";
import { plural, spend } from "@/lib/limits/limiter";

/**
 * Creates a passenger account. `address` is the client's (lib/net/client-address.ts): each one may
 * create a few accounts an hour (LIMITS.registration); null (unknown) shares one bucket.
 */
export async function registerUser(input: RegisterInput, address: string | null): Promise<CurrentUser> {
  await spend("registration", address ?? "unknown", (minutes) => `Too many new accounts from your network. Wait ${plural(minutes, "minute")} and try again.`);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { name: input.name.trim(), email: input.email.trim().toLowerCase(), passwordHash, role: "PASSENGER" },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", undefined, {
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      });
    }
    throw error;
  }
}
