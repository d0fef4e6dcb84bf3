// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the shared zod schemas.
import { json, route } from "@/lib/http";
import { openApiDocument } from "@/lib/openapi/document";

let cached: unknown;

export const GET = route({ access: "public" }, async () => {
  cached ??= openApiDocument();
  return json(cached, 200, { "Cache-Control": "public, max-age=300" });
});
