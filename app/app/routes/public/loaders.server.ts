import { provinceBySlug } from "@thads/core/requests";
import { anon } from "./public.server.ts";

/** The province of a public page, or a plain 404. */
export async function requireProvince(slug: string | undefined) {
  const p = slug ? await anon((tx) => provinceBySlug(tx, slug)) : null;
  if (!p) throw new Response("Not Found", { status: 404 });
  return p;
}
