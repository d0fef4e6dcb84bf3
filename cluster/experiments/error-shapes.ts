// Experiment: what the app sees through Prisma 7 + adapter-pg while the primary is killed.
// Runs plain queries and SERIALIZABLE interactive transactions through HAProxy in a loop, crashes
// the primary (kill -9 of Patroni and its postmaster) and prints each distinct error shape, then
// restarts the crashed member. Needs a running cluster (`npm run cluster:up`).
//   npx tsx cluster/experiments/error-shapes.ts
// What it found is written down in lib/db/errors.ts (isConnectionError) and cluster/FAILOVER-REPORT.md.
import { createDb } from "@/lib/db";
import { ensureAppDatabase, dropAppDatabase } from "../lib/app-database";
import { crashPatroniMember, leader, restartPatroniMember } from "../lib/patroni";
import { sleep } from "../lib/wait";

const DATABASE = "railbook_error_shapes";

function shape(error: unknown): string {
  const e = error as Record<string, unknown> & { cause?: Record<string, unknown>; meta?: Record<string, unknown> };
  const cause = e.cause && typeof e.cause === "object" ? { kind: e.cause.kind, code: e.cause.code, originalCode: e.cause.originalCode } : e.cause;
  return JSON.stringify({
    class: (error as object)?.constructor?.name,
    name: e.name,
    code: e.code,
    message: String(e.message ?? "").split("\n").slice(-1)[0]?.slice(0, 160),
    meta: e.meta,
    cause,
  });
}

const seen = new Map<string, number>();
const poolErrors = new Map<string, number>();
const note = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

const url = await ensureAppDatabase(DATABASE);
const db = createDb(url, 4);
await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS probe (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`);
// The adapter's own listeners, as lib/db.ts wires them, are what keeps idle-client errors from crashing.
void poolErrors;

let stop = false;
let firstOkAfterKill: number | null = null;
let killedAt = 0;
async function worker(kind: "query" | "tx") {
  while (!stop) {
    try {
      if (kind === "query") await db.$queryRaw`SELECT 1`;
      else
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO probe DEFAULT VALUES`;
          await tx.$queryRaw`SELECT count(*) FROM probe`;
        }, { isolationLevel: "Serializable", timeout: 10_000, maxWait: 10_000 });
      if (killedAt && firstOkAfterKill === null && kind === "tx") firstOkAfterKill = Date.now();
    } catch (error) {
      note(seen, `${kind} ${shape(error)}`);
      await sleep(100);
    }
  }
}

const workers = [worker("query"), worker("query"), worker("tx"), worker("tx")];
await sleep(2_000);
const primary = await leader();
if (!primary) throw new Error("no primary");
const crashed = await crashPatroniMember(primary);
// From the postmaster's death: until then the old primary still serves (and commits).
killedAt = Date.now();
console.log(`killed ${primary.name}`, crashed);
for (let i = 0; i < 400 && firstOkAfterKill === null; i++) await sleep(100);
await sleep(3_000);
stop = true;
await Promise.all(workers);
console.log(`first committed transaction ${firstOkAfterKill ? ((firstOkAfterKill - killedAt) / 1000).toFixed(1) : "never"} s after the kill`);
for (const [key, count] of seen) console.log(`${String(count).padStart(5)}  ${key}`);
console.log("disconnecting");
await db.$disconnect();
console.log("disconnected");
await restartPatroniMember(primary);
await dropAppDatabase(DATABASE);
