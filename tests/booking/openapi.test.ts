// GET /api/v1/openapi.json describes every route there is, from the schemas the routes parse with.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { callRoute } from "./helpers";

const API_ROOT = path.join(import.meta.dirname, "../../app/api/v1");

/** Every "METHOD /path" exported by a route.ts under app/api/v1, with [param] written as {param}. */
function routesOnDisk(dir = API_ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...routesOnDisk(full));
    else if (entry === "route.ts") {
      const route = "/" + path.relative(API_ROOT, dir).split(path.sep).join("/").replace(/\[([^\]]+)\]/g, "{$1}");
      for (const [, method] of readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push(`${method} ${route}`);
    }
  }
  return out.sort();
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document covering every route under /api/v1", async () => {
    const res = await callRoute(openapi, { path: "/api/v1/openapi.json" });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");

    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(routesOnDisk());

    for (const ref of refsIn(doc)) {
      const target = ref.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("describes request bodies with the limits the server enforces", async () => {
    const doc = (await callRoute(openapi, { path: "/api/v1/openapi.json" })).body;
    const create = doc.paths["/bookings"].post;
    expect(create.parameters).toEqual([expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true })]);
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["class", "from", "passengers", "serviceId", "to"]);
    expect(schema.properties.passengers).toMatchObject({ minItems: 1, maxItems: 6 });
    expect(schema.properties.passengers.items.properties.berthPreference.enum).toContain("SIDE_LOWER");
    expect(Object.keys(create.responses).sort()).toEqual(["201", "400", "401", "404", "409", "422", "429", "500", "503"]);

    const search = doc.paths["/search"].get.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required]);
    expect(search).toEqual([["from", true], ["to", true], ["date", true], ["passengers", false], ["class", false], ["time", false]]);
    expect(doc.paths["/auth/register"].post.requestBody.content["application/json"].schema.properties.password.minLength).toBe(10);
  });
});
