import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../app/api-docs/openapi.ts";

describe("the OpenAPI document", () => {
  it("describes every route of /api/v1, and nothing that is not one", () => {
    const routes = readFileSync(new URL("../app/routes.ts", import.meta.url), "utf8");
    const api = [...routes.matchAll(/route\("(api\/v1\/[^"]+)"/g)].map((m) => `/${m[1]!.replace(/:([A-Za-z]+)/g, "{$1}")}`).sort();
    expect(api.length).toBeGreaterThan(5);
    expect(Object.keys(openApiDocument.paths).sort()).toEqual(api);
  });

  it("is OpenAPI 3.1, every operation answering its errors with the one error shape", () => {
    expect(openApiDocument.openapi).toBe("3.1.0");
    for (const [path, item] of Object.entries(openApiDocument.paths)) {
      for (const op of Object.values(item)) {
        const responses = op.responses as Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
        expect(Object.keys(responses), path).toContain("200");
        for (const [code, r] of Object.entries(responses)) {
          if (code !== "200" && code !== "201")
            expect(r.content?.["application/json"]?.schema?.$ref, `${path} ${code}`).toBe("#/components/schemas/Error");
        }
        for (const p of ("parameters" in op ? op.parameters : []) as { in: string; name: string }[]) {
          if (p.in === "path") expect(path, p.name).toContain(`{${p.name}}`);
        }
      }
    }
  });
});
