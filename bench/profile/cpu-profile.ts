// Where a booking's JavaScript time goes, by owner: V8's sampling profiler (node:inspector) runs
// around a batch of in-process bookings, and each sample's self time is credited to the package or
// folder its function lives in. "Waiting" is the profiler's idle: the event loop had nothing to
// run, i.e. it was waiting for PostgreSQL. Together with process.cpuUsage() this separates the
// cost of Prisma from that of the driver, the app's own code and Node itself.
import { Session } from "node:inspector/promises";

export interface CpuBreakdown {
  /** Process CPU (user + system) per operation, ms. */
  cpuMsPerOp: number;
  /** Profiler self time per operation by owner, ms, largest first. */
  byOwner: { owner: string; msPerOp: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

function ownerOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === "(idle)") return "waiting (event loop idle: PostgreSQL round trips)";
    if (functionName === "(garbage collector)") return "garbage collection";
    return "Node runtime, sockets and promises (native)";
  }
  if (url.startsWith("wasm") || /node_modules\/@prisma\//.test(url) || url.includes("/lib/generated/prisma/")) return "Prisma (client runtime, query compiler, adapter)";
  if (/node_modules\/pg(-protocol|-pool|-types)?\//.test(url)) return "pg driver";
  if (/node_modules\/next\//.test(url)) return "Next.js";
  if (url.startsWith("node:")) return "Node runtime, sockets and promises (native)";
  if (/node_modules\//.test(url)) return `other packages (zod, date-fns, ...)`;
  if (/\/(lib|app)\//.test(url)) return "app code (lib/, app/)";
  return "other";
}

export async function profileCpu(operations: number, work: () => Promise<void>): Promise<CpuBreakdown> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const cpuBefore = process.cpuUsage();
  await work();
  const cpu = process.cpuUsage(cpuBefore);
  const { profile } = (await session.post("Profiler.stop")) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  session.disconnect();

  const owners = new Map<number, string>(profile.nodes.map((n) => [n.id, ownerOf(n)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = owners.get(id) ?? "other";
    totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return {
    cpuMsPerOp: (cpu.user + cpu.system) / 1000 / operations,
    byOwner: [...totals].map(([owner, ms]) => ({ owner, msPerOp: ms / operations })).sort((a, b) => b.msPerOp - a.msPerOp),
  };
}
