import { csvLine } from "@thads/domain";
import { myCases } from "@thads/core/creditors";
import type { Route } from "./+types/cases-export";
import { asUser } from "../../utils/user.server.ts";
import { filterOf, requireCreditor } from "./scope.server.ts";

/** My cases as CSV (UTF-8 with BOM, whole đồng, dates yyyy-mm-dd), the same filters as the page. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  const rows = await asUser(user, (tx) => myCases(tx, filterOf(request), 10_000));
  const head = [
    "case_number",
    "province",
    "unit",
    "debtor",
    "status",
    "money_due",
    "money_collected",
    "money_outstanding",
    "next_deadline_on",
    "executor",
  ];
  const lines = rows.map((r) =>
    csvLine([
      r.case_number,
      r.province_name,
      r.unit_name,
      r.debtor_name,
      r.status,
      r.money_due,
      r.money_collected,
      r.money_outstanding,
      r.next_deadline_on ?? "",
      r.executor_name ?? "",
    ]),
  );
  return new Response(`\uFEFF${[csvLine(head), ...lines].join("\r\n")}\r\n`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="vu-viec-cua-toi.csv"' },
  });
}
