// The shape of lib/: one folder per capability, and no two folders that import each other (a
// folder-level cycle means neither can be understood, tested or reused without the other). The
// waiting list is part of booking (lib/booking/waitlist/), seat inventory sits below both
// (lib/inventory/), and background jobs (lib/jobs/) compose booking and notifications.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const lib = path.resolve("lib");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Top-level folder of lib/ a file belongs to ("db.ts" and the like count as their own). */
const folderOf = (file: string) => path.relative(lib, file).split(path.sep)[0]!.replace(/\.tsx?$/, "");

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of filesUnder(lib)) {
    const from = folderOf(file);
    for (const match of readFileSync(file, "utf8").matchAll(/from "@\/lib\/([^/"]+)/g)) {
      const to = match[1]!.replace(/\.tsx?$/, "");
      if (to === from || to === "generated") continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

describe("lib/ folders", () => {
  it("import each other in one direction only: booking, inventory and notifications form no cycle", () => {
    const graph = folderGraph();
    const pairs: string[] = [];
    for (const [a, tos] of graph) for (const b of tos) if (a < b && graph.get(b)?.has(a)) pairs.push(`${a} <-> ${b}`);
    for (const folder of ["booking", "inventory", "notifications"]) {
      expect(pairs.filter((p) => p.split(" <-> ").includes(folder)), `cycles involving lib/${folder}`).toEqual([]);
    }
    expect(existsFolder("waitlist"), "the waiting list lives in lib/booking/waitlist").toBe(false);
  });
});

function existsFolder(name: string): boolean {
  try {
    return statSync(path.join(lib, name)).isDirectory();
  } catch {
    return false;
  }
}
