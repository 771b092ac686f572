/**
 * Load script (not a test): many clients filing requests on a province's public page at once,
 * against a running server, then a check in the database that every accepted filing is stored
 * exactly once, and a burst from one client to see the rate limit answer 429.
 *
 * Many clients from one machine: the server tells clients apart by address (`req.ip`). Started
 * with TRUST_PROXY=loopback, it takes the client address from X-Forwarded-For when (and only
 * when) the connection comes from 127.0.0.1, as behind a reverse proxy; this script then plays
 * the proxy, giving each virtual client its own address (10.77.x.y). A server started without
 * TRUST_PROXY ignores the header, and every virtual client is the same client.
 *
 *   TRUST_PROXY=loopback PUBLIC_SUBMIT_LIMIT=60 npm start        # in one terminal
 *   npm run load:public                                           # in another
 *
 * Environment: BASE_URL (http://localhost:3000), SLUG (hai-phong), CLIENTS (50), SECONDS (60),
 * LIMIT (the server's PUBLIC_SUBMIT_LIMIT, 60), DATABASE_URL or the embedded database's settings
 * (as for npm start) for the check afterwards.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createOwnerSql, ownerUrl, readDbEnv } from "@thads/db";
import { normalizeTrackingCode } from "@thads/domain";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const SLUG = process.env.SLUG ?? "hai-phong";
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 60);
const LIMIT = Number(process.env.LIMIT ?? 60);
const run = `T${Date.now().toString(36).toUpperCase()}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const FORM_PATH = `/p/${SLUG}/requests/new/yeu-cau-thi-hanh-an`;

// One double-submit token for the whole run (the cookie and the field must match).
const csrf = randomBytes(32).toString("base64url");
const page = await fetch(`${BASE}${FORM_PATH}`);
if (!page.ok) throw new Error(`GET ${FORM_PATH}: ${page.status}`);
const unitId = /name="unitId"[^>]*>\s*<option value="([0-9a-f-]{36})"/.exec(await page.text())?.[1];
if (!unitId) throw new Error("No unit on the form page");

interface Outcome {
  status: number;
  ms: number;
  code: string | null;
}

async function submit(client: string, n: number, key = randomUUID()): Promise<Outcome & { key: string }> {
  const form = new FormData();
  const fields: Record<string, string> = {
    csrf,
    idempotencyKey: key,
    unitId,
    requesterName: `Tải ${run} ${client} ${n}`,
    requesterPhone: `09${String(n).padStart(8, "0")}`,
    requesterAddress: "Số 1 Lạch Tray, Hải Phòng",
    judgmentCourt: "Tòa án nhân dân thành phố Hải Phòng",
    judgmentNumber: `${n}/2026/DS-ST`,
    judgmentDate: "01/10/2026",
    debtorName: "Công ty TNHH Thử Tải",
    content: "Đề nghị ra quyết định thi hành án theo bản án (thử tải).",
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("files", new Blob([PDF], { type: "application/pdf" }), "ban-an.pdf");
  const t0 = performance.now();
  const res = await fetch(`${BASE}${FORM_PATH}`, {
    method: "POST",
    body: form,
    headers: { Cookie: `thads_csrf=${csrf}`, "X-Forwarded-For": client },
    redirect: "manual",
  });
  const html = await res.text();
  const ms = performance.now() - t0;
  const shown = /data-testid="tracking-code"[^>]*>([^<]+)</.exec(html)?.[1] ?? null;
  return { status: res.status, ms, code: shown ? normalizeTrackingCode(shown) : null, key };
}

const results: (Outcome & { client: string; key: string; retry: boolean })[] = [];
const deadline = Date.now() + SECONDS * 1000;
// Each client stays within the limit, with a margin for latency jitter between the server's window and ours.
const interval = (60_000 / LIMIT) * 1.05;

console.log(
  `${CLIENTS} clients × ${SECONDS} s against ${BASE}${FORM_PATH} (limit ${LIMIT}/min per client, one every ${interval.toFixed(0)} ms)`,
);
const t0 = Date.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, i) => {
    const client = `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    let n = 0;
    let last: { key: string; n: number } | null = null;
    // Spread the clients' first requests over one interval.
    await new Promise((r) => setTimeout(r, (interval * i) / CLIENTS));
    while (Date.now() < deadline) {
      const started = Date.now();
      n++;
      // One in ten is the previous form sent again (double click, retry): it must store nothing new.
      const retry = last !== null && n % 10 === 0;
      const o = retry ? await submit(client, last!.n, last!.key) : await submit(client, n);
      results.push({ ...o, client, retry });
      if (!retry) last = { key: o.key, n };
      await new Promise((r) => setTimeout(r, Math.max(0, interval - (Date.now() - started))));
    }
  }),
);
const elapsed = (Date.now() - t0) / 1000;

// A burst from one fresh client beyond its limit: the excess must be answered 429.
const burstClient = "10.78.0.1";
const burst: Outcome[] = [];
for (let i = 0; i < LIMIT + 10; i++) burst.push(await submit(burstClient, 100_000 + i));

const ok = results.filter((r) => r.status === 200 && r.code);
const errors = results.filter((r) => !(r.status === 200 && r.code));
const lat = results.map((r) => r.ms).sort((a, b) => a - b);
const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(0);
const burstOk = burst.filter((b) => b.status === 200 && b.code).length;
const burst429 = burst.filter((b) => b.status === 429).length;

// Retried forms got the code of their first submission.
const firstCode = new Map<string, string>();
let retryMismatch = 0;
for (const r of results) {
  if (!r.code) continue;
  if (r.retry) {
    if (firstCode.get(r.key) !== r.code) retryMismatch++;
  } else firstCode.set(r.key, r.code);
}

// In the database: every accepted filing exactly once, with its attachment and history.
const owner = createOwnerSql(ownerUrl(readDbEnv()), { max: 1 });
const [db] = await owner<{ requests: bigint; distinct_codes: bigint; files: bigint; history: bigint }[]>`
  select count(*) as requests, count(distinct r.tracking_code) as distinct_codes,
         (select count(*) from public.service_request_attachments a join public.service_requests x on x.id = a.request_id
           where x.requester_name like ${`Tải ${run} %`}) as files,
         (select count(*) from public.service_request_events e join public.service_requests x on x.id = e.request_id
           where x.requester_name like ${`Tải ${run} %`}) as history
  from public.service_requests r where r.requester_name like ${`Tải ${run} %`}`;
const stored = new Set(
  (await owner<{ c: string }[]>`select tracking_code as c from public.service_requests where requester_name like ${`Tải ${run} %`}`).map(
    (r) => r.c,
  ),
);
await owner.end();
const expectedStored = new Set([...firstCode.values(), ...burst.filter((b) => b.code).map((b) => b.code!)]);
const lost = [...expectedStored].filter((c) => !stored.has(c)).length;
const extra = [...stored].filter((c) => !expectedStored.has(c)).length;

const report = {
  run,
  clients: CLIENTS,
  seconds: Number(elapsed.toFixed(1)),
  submissions: results.length,
  accepted: ok.length,
  retriedForms: results.filter((r) => r.retry).length,
  errors: errors.length,
  errorStatuses: [...new Set(errors.map((e) => e.status))],
  perSecond: Number((results.length / elapsed).toFixed(1)),
  latencyMs: { p50: Number(q(0.5)), p95: Number(q(0.95)), p99: Number(q(0.99)), max: Number(lat.at(-1)!.toFixed(0)) },
  burst: { sent: burst.length, accepted: burstOk, tooMany: burst429 },
  database: {
    requests: Number(db!.requests),
    distinctCodes: Number(db!.distinct_codes),
    attachments: Number(db!.files),
    historyRows: Number(db!.history),
    expected: expectedStored.size,
    lost,
    unexpected: extra,
    retryCodeMismatches: retryMismatch,
  },
};
console.log(JSON.stringify(report, null, 2));
const pass =
  errors.length === 0 &&
  lost === 0 &&
  extra === 0 &&
  retryMismatch === 0 &&
  report.database.requests === expectedStored.size &&
  report.database.attachments === expectedStored.size &&
  burstOk === LIMIT &&
  burst429 === 10;
console.log(pass ? "PASS" : "FAIL");
process.exit(pass ? 0 : 1);
