import { asAnon } from "@thads/db";
import { appSql } from "../utils/db.server.ts";

export async function loader() {
  await asAnon(appSql(), (tx) => tx`select 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
