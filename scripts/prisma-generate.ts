// Runs `prisma generate` without the native schema engine, which cannot be downloaded here.
// Generation itself runs in WebAssembly; the CLI only needs the engine path to point at a file
// so it skips the download (../shared/ENVIRONMENT.md, "Prisma without its native engines").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const placeholder = path.resolve("package.json");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
