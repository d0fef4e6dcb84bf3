// Passwords are hashed with Argon2id (@node-rs/argon2: prebuilt native binaries shipped in the npm
// package, no node-gyp; see docs/decisions/004-accounts-and-sessions.md). Parameters follow
// OWASP's Argon2id guidance (19 MiB, 2 iterations, 1 lane).
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// `Algorithm` is a const enum in the typings and an empty object at run time (the native binding
// does not export it), so `Algorithm.Argon2id` would be undefined: spell out its value, 2.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Verifying against this when the account does not exist keeps response time from revealing
// which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("railbook-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
