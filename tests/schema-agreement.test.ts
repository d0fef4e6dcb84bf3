// prisma/schema.prisma and the hand-written SQL migrations must describe the same database
// (docs/decisions/002-hand-written-migrations.md). Two checks: every model's scalar fields are
// exactly the table's columns, and every model can be written and read back through the client.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { roundTripEveryModel } from "./helpers/round-trip";

interface RuntimeField { name: string; kind: "scalar" | "enum" | "object" }
// Prisma 7's generated client carries field names and kinds at run time, not nullability;
// the schema text supplies the `?` markers.
const runtimeModels = (db() as unknown as { _runtimeDataModel: { models: Record<string, { fields: RuntimeField[] }> } })
  ._runtimeDataModel.models;
const schemaText = readFileSync("prisma/schema.prisma", "utf8");

function optionalFields(model: string): Set<string> {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)?.[1] ?? "";
  const out = new Set<string>();
  for (const m of block.matchAll(/^\s+(\w+)\s+\w+\?/gm)) out.add(m[1]!);
  return out;
}

const models = Object.entries(runtimeModels).map(([name, m]) => {
  const optional = optionalFields(name);
  const fields = m.fields
    .filter((f) => f.kind === "scalar" || f.kind === "enum")
    .map((f) => ({ name: f.name, isRequired: !optional.has(f.name) }));
  return { name, fields };
});

describe("schema.prisma and the migrations", () => {
  it("has a table for every model whose columns are exactly the model's scalar fields", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const tables = new Map<string, Map<string, boolean>>();
      for (const r of rows) {
        if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
        tables.get(r.table_name)!.set(r.column_name, r.is_nullable === "YES");
      }
      for (const model of models) {
        const columns = tables.get(model.name);
        expect(columns, `table for ${model.name}`).toBeDefined();
        expect([...columns!.keys()].sort(), `columns of ${model.name}`).toEqual(model.fields.map((f) => f.name).sort());
        for (const f of model.fields) {
          expect(columns!.get(f.name), `${model.name}.${f.name} nullability`).toBe(!f.isRequired);
        }
      }
      const modelTables = new Set(models.map((m) => m.name));
      const extra = [...tables.keys()].filter((t) => !modelTables.has(t) && t !== "_prisma_migrations");
      expect(extra, "tables without a model").toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("records the migrations the way prisma migrate does", async () => {
    const rows = await db().$queryRaw<{ migration_name: string; finished_at: Date | null; checksum: string }[]>`
      SELECT migration_name, finished_at, checksum FROM "_prisma_migrations"`;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("writes and reads back every model through the generated client", async () => {
    const touched = await roundTripEveryModel();
    expect(touched.sort()).toEqual(models.map((m) => m.name).sort());
  });
});
