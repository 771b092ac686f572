import { redirect } from "react-router";
import { homeFor, homePath } from "@thads/domain";
import type { Route } from "./+types/index";
import { getUser } from "../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getUser(request);
  if (!user) throw redirect("/login");
  const home = homeFor(user.memberships);
  throw redirect(home ? homePath(home) : "/login");
}
