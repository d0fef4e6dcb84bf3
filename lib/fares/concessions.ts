// The concessions on sale at an instant, each with its discount in force (docs/decisions/041). The
// booking engine reads the same thing inside its locking statement (lib/booking/hold-context.ts);
// this is for the pages, the API's list and the CLI.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConcessionTerms } from "@/lib/fares/concession-terms";

/**
 * SQL for the active concessions with a discount in force at `at`, as one JSON array (or null):
 * the newest-started row in force wins, as for fares.
 */
export function concessionsJsonSql(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object('code', c.code, 'name', c.name, 'proof', c.proof, 'automatic', c.automatic,
                                      'minAge', c."minAge", 'maxAge', c."maxAge", 'discountBasisPoints', d."discountBasisPoints")
                                      ORDER BY c."sortOrder", c.code)
       FROM "Concession" c
       JOIN LATERAL (
         SELECT cd."discountBasisPoints" FROM "ConcessionDiscount" cd
         WHERE cd."concessionCode" = c.code AND cd."validFrom" <= ${at} AND (cd."validTo" IS NULL OR cd."validTo" > ${at})
         ORDER BY cd."validFrom" DESC, cd.id ASC LIMIT 1
       ) d ON true
       WHERE c.active)`;
}

export async function concessionsOnSale(client: Db | Tx = db(), at = new Date()): Promise<ConcessionTerms[]> {
  const [row] = await client.$queryRaw<{ list: ConcessionTerms[] | null }[]>`SELECT ${concessionsJsonSql(Prisma.sql`${at}::timestamptz`)} AS list`;
  return row?.list ?? [];
}
