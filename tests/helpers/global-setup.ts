// Vitest global setup: one fresh, migrated database per run on the machine's PostgreSQL.
import type { TestProject } from "vitest/node";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "@/scripts/lib/databases";

export default async function setup(project: TestProject) {
  await dropStaleDatabases("railbook_test");
  const { name, url } = await createFreshDatabase("railbook_test");
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(name);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
