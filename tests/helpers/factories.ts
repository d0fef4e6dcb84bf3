// Data factories for integration tests. Every value is unique per call, so test files can run in
// parallel against one database without stepping on each other.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/client";

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function createUser(options: { role?: Role; password?: string; name?: string; email?: string } = {}) {
  const password = options.password ?? `pw-${randomUUID()}`;
  const user = await db().user.create({
    data: {
      email: options.email ?? `user-${uniqueSuffix()}@example.test`,
      name: options.name ?? "Test Passenger",
      passwordHash: await hashPassword(password),
      role: options.role ?? "PASSENGER",
    },
  });
  return { user, password };
}
