// Seeds the demo accounts listed on the sign-in page. Their passwords are public, so these accounts
// exist for demonstrations only (scripts/seed.ts is never run against production data).
// A re-seed leaves an account alone when its password still verifies (argon2 hashes are salted, so
// rehashing would change the row for nothing) and repairs it when it does not, so the documented
// credentials always work; the role is restored too, since the admin demo depends on it.
import type { Db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DEMO_USERS } from "@/prisma/seed";

export interface AccountSeedResult {
  created: number;
  repaired: number;
}

export async function seedDemoAccounts(client: Db): Promise<AccountSeedResult> {
  let created = 0;
  let repaired = 0;
  for (const demo of DEMO_USERS) {
    const existing = await client.user.findUnique({ where: { email: demo.email } });
    if (!existing) {
      const passwordHash = await hashPassword(demo.password);
      // skipDuplicates: a concurrent seeder may have created it since the lookup.
      const result = await client.user.createMany({
        data: [{ email: demo.email, name: demo.name, role: demo.role, passwordHash }],
        skipDuplicates: true,
      });
      created += result.count;
      continue;
    }
    const passwordWorks = await verifyPassword(existing.passwordHash, demo.password);
    if (passwordWorks && existing.role === demo.role) continue;
    await client.user.update({
      where: { id: existing.id },
      data: {
        role: demo.role,
        ...(passwordWorks ? {} : { passwordHash: await hashPassword(demo.password) }),
      },
    });
    repaired++;
  }
  return { created, repaired };
}
