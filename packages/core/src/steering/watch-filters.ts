import { FLAG_REASONS } from "@thads/domain";
import { isUuid, stripControlChars } from "../shared/input.ts";

/*
 * The watchlist's filters as the page's query string carries them. Free of
 * server code: the page may use it too.
 */

export interface WatchFilters {
  q?: string;
  reason?: string;
  province?: string;
  only?: "overdue" | "missing" | "";
}

/** The filters from the query string: unknown reasons, malformed ids and other views fall back to none. */
export function parseWatchFilters(params: URLSearchParams): WatchFilters {
  const only = params.get("only");
  return {
    q: stripControlChars(params.get("q") ?? "").slice(0, 100),
    reason: (FLAG_REASONS as readonly string[]).includes(params.get("reason") ?? "") ? params.get("reason")! : "",
    province: isUuid(params.get("province") ?? "") ? params.get("province")! : "",
    only: only === "overdue" || only === "missing" ? only : "",
  };
}
