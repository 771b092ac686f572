import { useLoaderData } from "react-router";
import { formatDateVi, formatDong } from "@thads/domain/labels";
import type { ReactNode } from "react";
import { Section, Table } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { PARTY_ROLE_LABELS, PAYMENT_METHOD_LABELS } from "../../labels.ts";
import type { loader } from "./case.tsx";
import { labelOf } from "./label-of.ts";
import { casesMessages, type CasesMessageKey } from "./messages.ts";

type Deadline = ReturnType<typeof useLoaderData<typeof loader>>["deadlines"][number];

/** How a closed deadline was closed, and where an open one stands, as message keys. */
const CLOSED_BY: Partial<Record<string, CasesMessageKey>> = { met: "deadline.met", elapsed: "deadline.elapsed" };
const OPEN_STATE: Partial<Record<string, CasesMessageKey>> = { overdue: "deadline.overdue", due_soon: "deadline.dueSoon" };

/** Where a legal deadline stands: met, elapsed or closed on a date, paused, overdue, due soon or on time. */
function deadlineState(dl: Deadline, m: (key: CasesMessageKey) => string): string {
  if (dl.closedOn) {
    const late = dl.late ? ` (${m("deadline.late")})` : "";
    return `${m(CLOSED_BY[dl.closedBy ?? ""] ?? "deadline.closed")} ${formatDateVi(dl.closedOn)}${late}`;
  }
  if (dl.paused) return m("deadline.paused");
  return m(OPEN_STATE[dl.status ?? ""] ?? "deadline.onTime");
}

/** A table of the case page, or a "none yet" line in its place when it has no rows. */
function Listing({ count, none, head, children }: { count: number; none: string; head: string[]; children: ReactNode }) {
  if (count === 0) {
    return (
      <p className="text-slate-600" data-testid="none-yet">
        {none}
      </p>
    );
  }
  return <Table head={head}>{children}</Table>;
}

/** The legal deadlines of the case and where each stands. */
export function DeadlinesSection() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  return (
    <Section title={m("deadlines.title")}>
      <Listing
        count={d.deadlines.length}
        none={m("none.deadlines")}
        head={[m("deadlines.col.deadline"), m("deadlines.col.due"), m("deadlines.col.state")]}
      >
        {d.deadlines.map((dl, i) => (
          <tr key={i} data-testid="deadline-row" data-kind={dl.kind}>
            <td className="px-3 py-2">{dl[`label_${lang}`]}</td>
            <td className="px-3 py-2 tabular-nums">{formatDateVi(dl.dueDate)}</td>
            <td className={`px-3 py-2 ${dl.status === "overdue" || dl.late ? "font-semibold text-red-700" : ""}`}>
              {deadlineState(dl, m)}
            </td>
          </tr>
        ))}
      </Listing>
    </Section>
  );
}

/** The parties, the obligations and the receipts of the case. */
export function PartiesAndMoney() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  return (
    <>
      <Section title={m("parties.title")}>
        <Listing
          count={d.parties.length}
          none={m("none.parties")}
          head={[m("parties.col.role"), m("parties.col.name"), m("parties.col.idNumber"), m("parties.col.address")]}
        >
          {d.parties.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2">{labelOf(PARTY_ROLE_LABELS, p.role, lang)}</td>
              <td className="px-3 py-2">{p.full_name}</td>
              <td className="px-3 py-2">{p.id_number ?? "—"}</td>
              <td className="px-3 py-2">{p.address ?? "—"}</td>
            </tr>
          ))}
        </Listing>
      </Section>

      <Section title={m("obligations.title")}>
        <Listing
          count={d.obligations.length}
          none={m("none.obligations")}
          head={[
            m("obligations.col.code"),
            m("obligations.col.description"),
            m("obligations.col.due"),
            m("obligations.col.paid"),
            m("obligations.col.outstanding"),
          ]}
        >
          {d.obligations.map((o) => (
            <tr key={o.code} data-testid="obligation-row">
              <td className="px-3 py-2">{o.code}</td>
              <td className="px-3 py-2">
                {o.kind === "money" ? m("obligation.money") : o.description}
                {o.kind === "act" && o.performed_on ? ` (${m("obligation.performedOn", { date: formatDateVi(o.performed_on) })})` : ""}
              </td>
              <td className="px-3 py-2 tabular-nums">{o.amount ? formatDong(o.amount) : "—"}</td>
              <td className="px-3 py-2 tabular-nums">{o.amount ? formatDong(o.paid) : "—"}</td>
              <td className="px-3 py-2 tabular-nums">{o.outstanding ? formatDong(o.outstanding) : "—"}</td>
            </tr>
          ))}
        </Listing>
      </Section>

      <Section title={m("receipts.title")}>
        <Listing
          count={d.payments.length}
          none={m("none.receipts")}
          head={[
            m("receipts.col.date"),
            m("receipts.col.number"),
            m("receipts.col.payer"),
            m("receipts.col.method"),
            m("receipts.col.amount"),
          ]}
        >
          {d.payments.map((p) => (
            <tr key={p.id} data-testid="payment-row">
              <td className="px-3 py-2 tabular-nums">{formatDateVi(p.date)}</td>
              <td className="px-3 py-2">{p.receiptNumber ?? "—"}</td>
              <td className="px-3 py-2">{p.payer ?? "—"}</td>
              <td className="px-3 py-2">{labelOf(PAYMENT_METHOD_LABELS, p.method, lang)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(p.amount)}</td>
            </tr>
          ))}
        </Listing>
      </Section>
    </>
  );
}
