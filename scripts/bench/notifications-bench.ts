/**
 * What notifying creditors costs at national scale, on the 5-million-case database of
 * cases-bench.ts (.data/bench-cases; generated here when missing, as that script does).
 *
 * In one transaction that is rolled back at the end, every bank-credit case's creditor party is
 * given its bank's tax code and each bank an account linked to it (as a bank that connected would
 * be: every case of the bank followed). Then, timed:
 *   1. the hourly missed-deadline check (app_private.notify_missed_deadlines) for today and for the
 *      30-day window with the most passed deadlines, run twice (the second writes nothing);
 *   2. a batch of payments written to the ledger with the notification trigger on and off
 *      (interleaved rounds; on the banks' open cases, and on open cases of anyone);
 *   3. the e-mail outbox's claim of 100 accounts' digests, and a bank's unread count (the
 *      navigation badge's query).
 *
 *   npm run bench:notifications -- [--cases 5000000] [--payments 10000] [--rounds 3] [--data .data/bench-cases] [--explain]
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createOwnerSql, migrate, type TxSql } from "@thads/db";
import { startEmbedded } from "@thads/db/embedded";
import { isSeeded, seed } from "@thads/demo-data";
import { unreadNotificationCount } from "@thads/core/creditors";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "5000000" },
    payments: { type: "string", default: "10000" },
    rounds: { type: "string", default: "3" },
    explain: { type: "boolean", default: false },
    data: { type: "string", default: ".data/bench-cases" },
  },
});
const PAYMENTS = Number(values.payments);
const ROUNDS = Number(values.rounds);
const server = await startEmbedded({ dataDir: path.resolve(values.data), port: 54341, quiet: true });
const owner = createOwnerSql(server.url, { max: 1 });
const m0 = performance.now();
const { applied } = await migrate(owner, { appPassword: "thads-app-bench-only" });
if (applied.length) console.log(`  migrations ${applied.join(", ")} applied in ${((performance.now() - m0) / 1000).toFixed(1)} s`);
if (!(await isSeeded(owner))) {
  const t0 = performance.now();
  await seed(owner, {
    cases: Number(values.cases),
    progress: (d, t) => process.stdout.write(`\r  generating ${Math.round((100 * d) / t)}%`),
  });
  console.log(`\n  generated ${Number(values.cases).toLocaleString("en")} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

class Rollback extends Error {}
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => x.toLocaleString("en", { maximumFractionDigits: 0 });
const OPEN = `c.status not in ('completed', 'terminated', 'transferred_out', 'separate_register', 'returned')`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, ms(t0)];
}

/** Every bank-credit case's creditor party gets its bank's tax code; each bank, one account linked to it. */
async function linkBanks(tx: TxSql) {
  const banks = await tx<{ full_name: string }[]>`
    select distinct p.full_name from public.case_parties p join public.cases c on c.id = p.case_id
     where c.is_bank_credit and p.role = 'creditor' order by 1`;
  const accounts: { id: string; code: string; name: string }[] = [];
  for (const [i, b] of banks.entries()) {
    const id = randomUUID();
    const code = `08${String(i + 1).padStart(8, "0")}`;
    await tx`insert into auth.users (id, email, encrypted_password, aud, role)
             values (${id}, ${`bank${i + 1}.bench@thads.vn`}, 'x', 'authenticated', 'authenticated')`;
    await tx`insert into public.profiles (id, full_name, email, unit_id, creditor_kind)
             values (${id}, ${b.full_name}, ${`bank${i + 1}.bench@thads.vn`}, null, 'bank')`;
    await tx`insert into public.memberships (user_id, unit_id, role) values (${id}, null, 'creditor')`;
    await tx`insert into public.creditor_links (account_id, id_number, party_kind, channel)
             values (${id}, ${code}, 'organization', 'verified_channel')`;
    accounts.push({ id, code, name: b.full_name });
  }
  const [linked] = await tx<{ n: number }[]>`
    with b(name, code) as (select * from unnest(${accounts.map((a) => a.name)}::text[], ${accounts.map((a) => a.code)}::text[]))
    update public.case_parties p set id_number = b.code from b, public.cases c
     where c.id = p.case_id and c.is_bank_credit and p.role = 'creditor' and p.full_name = b.name
    returning 1`.then((rows) => [{ n: rows.length }]);
  return { accounts, parties: linked!.n };
}

/** The payments written in one statement, as the ledger takes them: one per case, dated today. */
async function writePayments(tx: TxSql, caseIds: string[]) {
  await tx`
    insert into public.case_events (case_id, kind, effective_date, payload, idempotency_key)
    select c.id, 'payment', current_date,
           jsonb_build_object('obligationId', o.code, 'amount', '1000', 'receiptNumber', 'BENCH', 'method', 'cash'),
           gen_random_uuid()
      from unnest(${caseIds}::uuid[]) as x(id)
      join public.cases c on c.id = x.id
      join lateral (select code from public.case_obligations where case_id = c.id and kind = 'money' order by code limit 1) o on true`;
}

/** Interleaved rounds of one payment batch with the notification trigger on, then off (each rolled back to a savepoint). */
async function paymentRounds(tx: TxSql, caseIds: string[]) {
  const on: number[] = [];
  const off: number[] = [];
  let told = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const trigger of ["on", "off"] as const) {
      await tx`savepoint p`;
      if (trigger === "off") await tx`alter table public.case_events disable trigger case_events_notify`;
      const before = (await tx<{ n: number }[]>`select count(*)::int as n from public.notifications`)[0]!.n;
      const [, t] = await timed(() => writePayments(tx, caseIds));
      const after = (await tx<{ n: number }[]>`select count(*)::int as n from public.notifications`)[0]!.n;
      if (trigger === "on") told = after - before;
      (trigger === "on" ? on : off).push(t);
      await tx`rollback to savepoint p`;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { on: median(on), off: median(off), told, rounds: { on, off } };
}

try {
  const [{ cases }] = (await owner`select count(*)::int as cases from public.cases`) as unknown as [{ cases: number }];
  console.log(`\nData: ${fmt(cases)} cases. ${new Date().toISOString()}\n`);
  await owner.begin(async (tx) => {
    // Setting the links up is not what is measured: without triggers (no audit rows for the
    // rewritten parties), then with everything on again for the measurements.
    await tx`set local session_replication_role = replica`;
    const [link, linkMs] = await timed(() => linkBanks(tx));
    await tx`set local session_replication_role = origin`;
    await tx`analyze public.case_parties`;
    await tx`analyze public.creditor_links`;
    console.log(
      `Linked ${link.accounts.length} bank accounts to ${fmt(link.parties)} creditor parties (set-up, triggers off) in ${fmt(linkMs)} ms.\n`,
    );

    // 1. The missed-deadline check.
    const [busiest] = await tx<{ d: string; n: number }[]>`
      with x as (select c.next_deadline_on as d from public.cases c
                  where c.is_bank_credit and c.next_deadline_on is not null and ${tx.unsafe(OPEN)}
                    and (c.last_event_on is null or c.last_event_on <= c.next_deadline_on))
      select to_char(g::date, 'YYYY-MM-DD') as d, (select count(*)::int from x where x.d < g::date and x.d >= g::date - 30) as n
        from generate_series((select min(d) from x) + 1, (select max(d) from x) + 1, interval '7 days') g
       order by 2 desc, 1 limit 1`;
    const [today] = await tx<{ d: string }[]>`select to_char(app_private.today_vn(), 'YYYY-MM-DD') as d`;
    console.log("| Missed-deadline check (all 5M cases scanned by the window's index) | notifications written | ms |");
    console.log("|---|---:|---:|");
    for (const [label, day] of [
      [`today (${today!.d})`, today!.d],
      [`the busiest 30-day window (to ${busiest!.d}, ${fmt(busiest!.n)} passed deadlines of linked open cases)`, busiest!.d],
    ] as const) {
      for (const run of ["first run", "run again"]) {
        const [[r], t] = await timed(() => tx<{ n: number }[]>`select app_private.notify_missed_deadlines(${day}::date) as n`);
        console.log(`| ${label}, ${run} | ${fmt(r!.n)} | ${fmt(t)} |`);
      }
    }

    // 2. Payments through the ledger, trigger on and off.
    const sample = async (where: string) =>
      (
        await tx<{ id: string }[]>`
          select c.id from public.cases c
           where ${tx.unsafe(OPEN)} and ${tx.unsafe(where)}
             and exists (select 1 from public.case_obligations o where o.case_id = c.id and o.kind = 'money')
           order by c.id limit ${PAYMENTS}`
      ).map((r) => r.id);
    const bankCases = await sample("c.is_bank_credit");
    const anyCases = await sample("not c.is_bank_credit");
    console.log(
      `\n| ${fmt(PAYMENTS)} payments in one statement, dated today | notifications | trigger on, ms | trigger off, ms | per payment, µs added | trigger's share |`,
    );
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const [label, ids] of [
      ["on the banks' open cases (every one followed)", bankCases],
      ["on other open cases (not the banks'; a few followed by the demo's company and citizen)", anyCases],
    ] as const) {
      const r = await paymentRounds(tx, ids);
      console.log(
        `| ${label} (${ids.length}) | ${fmt(r.told)} | ${fmt(r.on)} | ${fmt(r.off)} | ${((1000 * (r.on - r.off)) / ids.length).toFixed(1)} | ${(((r.on - r.off) / r.on) * 100).toFixed(1)} % |`,
      );
      console.log(`|   rounds, ms | | ${r.rounds.on.map(fmt).join(" / ")} | ${r.rounds.off.map(fmt).join(" / ")} | | |`);
    }

    // 3. The outbox and the badge, over what the check wrote.
    await writePayments(tx, bankCases);
    const [pending] = await tx<{ n: number }[]>`select count(*)::int as n from public.notifications where emailed_at is null`;
    // The claim as the table's statistics stand inside this transaction, then (rolled back to the same
    // point) after ANALYZE, as autovacuum keeps them on a live database.
    if (values.explain) {
      // Where a claim on stale statistics spends its time: each of its statements, explained.
      await tx`savepoint explain`;
      for (const q of [
        `update public.notifications n set emailed_at = now()
          where n.emailed_at is null
            and (n.email_attempts >= 5 or exists (select 1 from public.profiles p where p.id = n.account_id and not p.notify_email))`,
        `select array_agg(a.account_id) from (select distinct o.account_id from public.notifications o
           where o.emailed_at is null and (o.email_claimed_at is null or o.email_claimed_at < now() - interval '10 minutes')
           order by o.account_id limit 100) a`,
      ]) {
        const plan = await tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off) ${q}`);
        console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
      }
      await tx`rollback to savepoint explain`;
    }
    await tx`savepoint claim`;
    const [, staleMs] = await timed(() => tx<{ account_id: string }[]>`select * from app_private.claim_notification_emails(100)`);
    await tx`rollback to savepoint claim`;
    await tx`analyze public.notifications`;
    const [claimed, claimMs] = await timed(() => tx<{ account_id: string }[]>`select * from app_private.claim_notification_emails(100)`);
    const biggest = link.accounts[0]!;
    // As the bank through row security: the query the navigation runs.
    await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: biggest.id, role: "authenticated" })}, true)`;
    await tx`set local role authenticated`;
    const [unread, badgeMs] = await timed(() => unreadNotificationCount(tx));
    console.log(`\n| Outbox and badge | rows | ms |`);
    console.log("|---|---:|---:|");
    console.log(
      `| claim 100 accounts' digests (of ${fmt(pending!.n)} unsent notifications), statistics as the bulk writes left them | ${claimed.length} accounts | ${fmt(staleMs)} |`,
    );
    console.log(`| the same after ANALYZE | ${claimed.length} accounts | ${fmt(claimMs)} |`);
    console.log(`| unread count of one bank (the navigation badge) | ${fmt(unread)} | ${badgeMs.toFixed(1)} |`);
    throw new Rollback();
  });
} catch (e) {
  if (!(e instanceof Rollback)) throw e;
} finally {
  await owner.end();
  await server.stop();
}
