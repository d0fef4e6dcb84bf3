// Prisma against the pg driver on the same statement and the same pool: what the ORM layer costs
// per statement by itself. Each shape runs `calls` times through `prisma.$queryRaw` (Prisma's
// client runtime, then @prisma/adapter-pg, then pg) and as many times through `pool.query` (pg
// alone, the same text and parameters, rows as arrays as adapter-pg asks for them); one at a time,
// after a warm-up, this process's CPU and the wall time per call. The pool is a plain one (not the
// profile's counting pool), so neither side pays for the recording. A booking sends a dozen such
// statements, so the difference adds up.
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import pg from "pg";

export interface ClientCost {
  shape: string;
  rows: number;
  prisma: { wallMs: number; cpuMs: number };
  pg: { wallMs: number; cpuMs: number };
}

async function perCall(calls: number, work: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  for (let i = 0; i < Math.min(20, calls); i++) await work();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: (performance.now() - started) / calls, cpuMs: (used.user + used.system) / 1000 / calls };
}

export async function clientCost(url: string, serviceId: string, calls: number): Promise<ClientCost[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    return await measure(prisma, pool, serviceId, calls);
  } finally {
    await prisma.$disconnect();
    await pool.end().catch(() => undefined);
  }
}

async function measure(prisma: PrismaClient, pool: pg.Pool, serviceId: string, calls: number): Promise<ClientCost[]> {
  const shapes = [
    { shape: "SELECT 1", sql: Prisma.sql`SELECT 1 AS one` },
    {
      shape: "one class's seats with their coach cells (what lockSeats reads, without the lock)",
      sql: Prisma.sql`SELECT ss.id, ss."coachLabel", ss."coachPosition", ss.number, ss.berth::text AS berth,
          cts.position::text AS position, cts.row, cts.col, cts.bay, ss."classCode", ss."quotaCode"
        FROM "ServiceSeat" ss JOIN "CoachTypeSeat" cts ON cts.id = ss."coachTypeSeatId"
        WHERE ss."serviceId" = ${serviceId} AND ss."classCode" = 'SECOND' AND ss."quotaCode" = 'GENERAL'`,
    },
  ];
  const out: ClientCost[] = [];
  for (const { shape, sql } of shapes) {
    const rows = (await pool.query(sql.text, sql.values)).rowCount ?? 0;
    out.push({
      shape,
      rows,
      prisma: await perCall(calls, () => prisma.$queryRaw(sql)),
      pg: await perCall(calls, () => pool.query({ text: sql.text, values: sql.values, rowMode: "array" })),
    });
  }
  return out;
}
