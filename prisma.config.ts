// The Prisma CLI's configuration. `env("DATABASE_URL")` would throw during `prisma generate` when the
// variable is unset, so process.env is read directly (see ../shared/ENVIRONMENT.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/railbook" },
});
