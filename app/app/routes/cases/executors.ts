import { z } from "zod";
import { searchCaseExecutors } from "@thads/core/cases";
import type { Route } from "./+types/executors";
import { asUser, requireUser } from "../../utils/user.server.ts";

const Query = z.object({ q: z.string().trim().max(100).catch("") });

/** The case list's executor filter, fed on demand: the visible executors whose name matches what was typed. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { q } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const executors = q.length < 2 ? [] : await asUser(user, (tx) => searchCaseExecutors(tx, q));
  return Response.json({ executors }, { headers: { "Cache-Control": "private, max-age=60" } });
}
