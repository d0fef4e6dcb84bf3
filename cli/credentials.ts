// Where the CLI keeps its API tokens: $RAILBOOK_CONFIG_DIR/credentials.json, else
// $XDG_CONFIG_HOME/railbook, else ~/.config/railbook. One token per server address, so a token is
// never sent to a server other than the one that issued it. The folder is 0700 and the file 0600:
// the token signs in as its owner until it expires or is revoked (railbook logout).
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface StoredToken {
  token: string;
  expiresAt: string;
  email: string;
}

type CredentialsFile = Record<string, StoredToken>;

export function configDir(env: Record<string, string | undefined> = process.env): string {
  if (env.RAILBOOK_CONFIG_DIR) return path.resolve(env.RAILBOOK_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), ".config");
  return path.join(base, "railbook");
}

export function credentialsPath(): string {
  return path.join(configDir(), "credentials.json");
}

async function readAll(): Promise<CredentialsFile> {
  try {
    const parsed: unknown = JSON.parse(await readFile(credentialsPath(), "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as CredentialsFile) : {};
  } catch {
    return {}; // none yet, or unreadable: as if signed out
  }
}

async function writeAll(all: CredentialsFile): Promise<void> {
  const file = credentialsPath();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside and renamed over, so a crash never leaves half a file; mode set before the rename.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export async function tokenFor(apiUrl: string): Promise<StoredToken | null> {
  return (await readAll())[apiUrl] ?? null;
}

export async function saveToken(apiUrl: string, token: StoredToken): Promise<void> {
  await writeAll({ ...(await readAll()), [apiUrl]: token });
}

export async function forgetToken(apiUrl: string): Promise<void> {
  const all = await readAll();
  delete all[apiUrl];
  if (Object.keys(all).length === 0) await rm(credentialsPath(), { force: true });
  else await writeAll(all);
}
