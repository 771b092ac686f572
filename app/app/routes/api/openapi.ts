import { openApiDocument } from "../../api-docs/openapi.ts";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 description. */
export function loader() {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
