// Folders the daemons write to must belong to the user they run as (`postgres` when we are root),
// and PostgreSQL refuses a data directory that others can read (it wants 0700).
import { chmodSync, chownSync, mkdirSync, readFileSync } from "node:fs";

interface Ids {
  uid: number;
  gid: number;
}

/** The `postgres` user's ids when running as root (the daemons are started as it), else null. */
export function postgresIds(): Ids | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("There is no `postgres` user: install the postgresql-15 package first.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** Creates `dir` (and parents) owned by the service user with `mode`. */
export function serviceDir(dir: string, mode = 0o700): void {
  mkdirSync(dir, { recursive: true });
  const ids = postgresIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  chmodSync(dir, mode);
}
