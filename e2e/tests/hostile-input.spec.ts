/**
 * Hostile input against the real server: every route of app/app/routes.ts (path and query
 * parameters) and every form the pages render (each field, and the body as a whole), as several
 * roles and signed out. Nothing may answer 5xx, and no malformed write may change a row of the
 * main tables (read with the owner connection). Prints how many requests it sent and how many 5xx.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, request as newRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { createOwnerSql, embeddedUrl } from "@thads/db";
import { PASSWORD } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const APP = path.join(ROOT, "app", "app");
const BASE = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const owner = createOwnerSql(embeddedUrl(Number(process.env.E2E_PG_PORT ?? 54332)), { max: 2 });

const ROLES: Record<string, string | null> = {
  clerk: "hai-phong.kv01.clerk@demo.thads.vn",
  executor: "hai-phong.kv01.executor@demo.thads.vn",
  provinceHead: "hai-phong.head@demo.thads.vn",
  provinceStaff: "hai-phong.staff@demo.thads.vn",
  steering: "hai-phong.steering@demo.thads.vn",
  nationalAdmin: "national.admin@demo.thads.vn",
  creditor: "creditor.company@demo.thads.vn",
  anonymous: null,
};

// ---------------------------------------------------------------- malformed values

const NUL = "\u0000";
const HUGE = "a".repeat(100_000);
const MALFORMED_UUIDS = [
  "------------------------------------",
  "0b8c1d7e-1f2a-4b3c-8d4e-5f6a7b8c9d0g",
  "0b8c1d7e-1f2a-4b3c-8d4e-5f6a7b8c9d0",
  "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
];
const BAD_DATES = ["00/00/0000", "31/02/2025", "9999", "31/12/9999", "01/01/0000", "0000-01-01", "9999-12-31", "2025-02-31"];
const BAD_NUMBERS = ["-1", "1e309", "NaN", "99999999999999999999999", "1.5", "[object Object]"];
const OBJECT_KEYS = ["__proto__", "constructor", "toString", "prototype"];
/** Invalid for any field (a control character, or too large for any form). */
const ALWAYS_BAD = [`a${NUL}b`, `x\r\n${NUL}y`, `\u0007\u001b\u007f\u0085`];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------- bookkeeping

let sent = 0;
const failures: string[] = [];
const statuses = new Map<number, number>();
const short = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 60)}…(${s.length})` : s);

async function record(what: string, run: () => Promise<APIResponse>): Promise<APIResponse | null> {
  sent++;
  try {
    const r = await run();
    statuses.set(r.status(), (statuses.get(r.status()) ?? 0) + 1);
    if (r.status() >= 500) failures.push(`${r.status()} ${what} :: ${(await r.text()).slice(0, 160).replace(/\s+/g, " ")}`);
    return r;
  } catch (e) {
    failures.push(`ERR ${what} :: ${String(e).slice(0, 160)}`);
    return null;
  }
}

/** Runs tasks a few at a time. */
async function pool<T>(items: T[], size: number, fn: (t: T) => Promise<unknown>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

/** Rows of every table of the main schema (volatile sign-in/throttle tables live in app_private). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await owner<{ t: string }[]>`
    select format('%I.%I', schemaname, tablename) as t from pg_tables where schemaname = 'public' order by 1`;
  const [row] = await owner.unsafe<{ counts: Record<string, number> }[]>(
    `select jsonb_build_object(${tables.map((x) => `'${x.t}', (select count(*) from ${x.t})`).join(", ")}) as counts`,
  );
  return row!.counts;
}

const diff = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${a[k]} → ${b[k]}`);

// ---------------------------------------------------------------- routes and their parameters

interface RoutePattern {
  pattern: string;
  file: string;
}

function routePatterns(): RoutePattern[] {
  const src = readFileSync(path.join(APP, "routes.ts"), "utf8");
  const out: RoutePattern[] = [];
  for (const m of src.matchAll(/\b(route|index)\(\s*(?:"([^"]*)"\s*,\s*)?"(routes\/[^"]+)"/g)) {
    out.push({ pattern: m[1] === "index" ? "" : m[2]!, file: m[3]! });
  }
  return out;
}

/** Query parameter names a route reads: its file and the app files it imports (three levels). */
function queryNames(file: string): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (abs: string, depth: number) => {
    if (seen.has(abs) || depth > 3 || !existsSync(abs)) return;
    seen.add(abs);
    const src = readFileSync(abs, "utf8");
    for (const m of src.matchAll(/searchParams\.get(?:All)?\("(\w+)"\)/g)) names.add(m[1]!);
    if (/searchParams\)|searchParams, |Object\.fromEntries\([^)]*searchParams/.test(src)) {
      for (const m of src.matchAll(/^\s{2}(\w+): (?:optional|isoDate|z\.)/gm)) names.add(m[1]!);
    }
    for (const m of src.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) visit(path.resolve(path.dirname(abs), m[1]!), depth + 1);
  };
  visit(path.join(APP, file), 0);
  return [...names].slice(0, 30);
}

interface Ids {
  caseId: string;
  assetId: string;
  requestId: string;
  flagId: string;
  meetingId: string;
  committeeId: string;
}

function validPath(pattern: string, ids: Ids): string {
  const idFor = (p: string) =>
    p.startsWith("cases/") || p.startsWith("api/v1/cases/")
      ? ids.caseId
      : p.startsWith("assets/")
        ? ids.assetId
        : p.startsWith("desk/")
          ? ids.requestId
          : p.startsWith("steering/flags/")
            ? ids.flagId
            : p.startsWith("steering/meetings/")
              ? ids.meetingId
              : randomUUID();
  return (
    "/" +
    pattern
      .replace(":slug", "hai-phong")
      .replace(":code", "P-HAI-PHONG-KV01")
      .replace(":kind", "enforcement_request")
      .replace(":fileId", randomUUID())
      .replace(":id", idFor(pattern))
      .replace("*", "khong-co-trang-nay")
  );
}

/** The same path with one parameter replaced by a malformed value. */
function malformedPaths(pattern: string, ids: Ids): string[] {
  const params = pattern.split("/").filter((s) => s.startsWith(":"));
  const out: string[] = [];
  for (const p of params) {
    const values = [
      ...MALFORMED_UUIDS,
      randomUUID(),
      ...OBJECT_KEYS,
      "%00",
      "a%0d%0ab",
      "%E0%A4%A",
      "..%2f..%2fetc",
      "x".repeat(3000),
      "1",
      "' or 1=1 --",
    ];
    const withHole = validPath(pattern.replace(p, "§"), ids);
    for (const v of values) out.push(withHole.replace("§", v.includes("%") ? v : encodeURIComponent(v)));
  }
  return out;
}

// ---------------------------------------------------------------- forms

interface Field {
  name: string;
  value: string;
  kind: "hidden" | "text" | "select" | "checkbox" | "textarea" | "file" | "other";
  label: string;
}
interface FormSpec {
  action: string;
  method: string;
  enctype: string;
  fields: Field[];
  page: string;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x2F;/g, "/")
    .replace(/&amp;/g, "&");

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? "");
  return out;
}

/** The post forms of a server-rendered page (React's markup: no nested forms, attributes quoted). */
function formsOf(html: string, page: string): FormSpec[] {
  const out: FormSpec[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attrs(m[1]!);
    if ((a.method ?? "get").toLowerCase() !== "post") continue;
    const body = m[2]!;
    const fields: Field[] = [];
    for (const f of body.matchAll(/<(input|select|textarea)\b([^>]*)>([\s\S]*?<\/(?:select|textarea)>)?/g)) {
      const fa = attrs(f[2]!);
      if (!fa.name) continue;
      const around = body.slice(Math.max(0, f.index! - 200), f.index!);
      const label = decodeEntities(
        around
          .replace(/<[^>]+>/g, " ")
          .trim()
          .split(/\s{2,}/)
          .at(-1) ?? "",
      );
      if (f[1] === "select") {
        const opts = [...(f[3] ?? "").matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!));
        const chosen = opts.find((o) => "selected" in o) ?? opts[0];
        fields.push({ name: fa.name, value: chosen?.value ?? "", kind: "select", label });
      } else if (f[1] === "textarea") {
        fields.push({ name: fa.name, value: decodeEntities((f[3] ?? "").replace(/<\/textarea>$/, "")), kind: "textarea", label });
      } else {
        const type = (fa.type ?? "text").toLowerCase();
        if (type === "checkbox" || type === "radio") {
          if ("checked" in fa) fields.push({ name: fa.name, value: fa.value || "on", kind: "checkbox", label });
        } else if (type === "file") {
          fields.push({ name: fa.name, value: "", kind: "file", label });
        } else if (type !== "submit" && type !== "button") {
          fields.push({ name: fa.name, value: fa.value ?? "", kind: type === "hidden" ? "hidden" : "text", label });
        }
      }
    }
    const action = new URL(a.action || page, BASE);
    out.push({
      action: action.pathname + action.search,
      method: "post",
      enctype: a.enctype ?? "application/x-www-form-urlencoded",
      fields,
      page,
    });
  }
  return out;
}

const isDateField = (f: Field) => /date|On$|held|deadline|dd\/mm/i.test(`${f.name} ${f.label}`) || /^\d{2}\/\d{2}\/\d{4}$/.test(f.value);
const isNumberField = (f: Field) =>
  /^\d+$/.test(f.value) || /amount|money|version|score|min|max|target|round|price|value|count|page/i.test(f.name);
/** Any fresh UUID is valid here (a submission key), so an unknown one is no malformed value. */
const isFreeKey = (f: Field) => /idempotencyKey|^key$/i.test(f.name);

const TODAY_VI = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
}).format(new Date());

/** A plausible good value for an empty field, so a malformed one elsewhere is what the server has to catch. */
function plausible(f: Field): string {
  if (f.value || f.kind === "hidden" || f.kind === "select" || f.kind === "checkbox" || f.kind === "file") return f.value;
  if (isDateField(f)) return TODAY_VI;
  if (/email/i.test(f.name)) return "kiem.thu@example.vn";
  if (/phone/i.test(f.name)) return "0912345678";
  if (/idNumber/i.test(f.name)) return "001234567890";
  if (isNumberField(f)) return "1000000";
  return f.kind === "textarea" ? "Nội dung kiểm thử tự động, đủ dài để hợp lệ." : "Kiểm thử tự động";
}

/** Per-field malformed values for a form, each making the whole submission invalid. */
function fieldVariants(form: FormSpec): { label: string; entries: [string, string][] }[] {
  const base = form.fields.map((f) => [f.name, plausible(f)] as [string, string]);
  const out: { label: string; entries: [string, string][] }[] = [];
  for (const [i, f] of form.fields.entries()) {
    if (f.name === "csrf" || f.kind === "file") continue;
    const values = [...ALWAYS_BAD];
    if (UUID_RE.test(f.value)) values.push(...MALFORMED_UUIDS, ...OBJECT_KEYS, ...(isFreeKey(f) ? [] : [randomUUID()]));
    if (isDateField(f)) values.push(...BAD_DATES);
    if (isNumberField(f)) values.push(...BAD_NUMBERS);
    if (f.name === "intent" || f.kind === "select") values.push(...OBJECT_KEYS.map((k) => `${k}${NUL}`));
    for (const v of values) {
      const entries = base.map((e, j) => (j === i ? ([e[0], v] as [string, string]) : e));
      out.push({ label: `${f.name}=${short(v)}`, entries });
    }
    // The same field again, malformed before and after the good value (whichever a reader keeps).
    out.push({ label: `${f.name} repeated`, entries: [[f.name, NUL], ...base, [f.name, NUL]] });
  }
  return out;
}

/** Import files built from the template: each column of the example row malformed in turn, and hostile headers. */
async function hostileImports(s: Session): Promise<[string, string][]> {
  const template = (await (await s.ctx.get("/cases/import/template?format=csv")).text()).replace(/^\uFEFF/, "");
  const [header, example] = template.split(/\r?\n/) as [string, string];
  const columns = header.split(",");
  const cells = example
    .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
    .map((c) => c.replace(/,$/, ""))
    .slice(0, columns.length);
  const out: [string, string][] = [];
  const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  for (const [i, col] of columns.entries()) {
    const values = [
      `a${NUL}b`,
      ...(/ngay/.test(col) ? ["31/02/2025", "00/00/0000", "31/12/9999"] : []),
      ...(/tien/.test(col) ? ["99999999999999999999999", "-1"] : []),
    ];
    for (const v of values)
      out.push([`${col}=${short(v)}`, `${header}\r\n${cells.map((c, j) => (j === i ? csvCell(v) : c)).join(",")}\r\n`]);
  }
  out.push(["__proto__ columns", `${header},__proto__,constructor,prototype\r\n${cells.join(",")},1,1,1\r\n`]);
  out.push(["NUL header", `${header.replace(/,/, `${NUL},`)}\r\n${example}\r\n`]);
  return out;
}

function urlencode(entries: [string, string][]): string {
  return entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

// ---------------------------------------------------------------- sessions

interface Session {
  role: string;
  ctx: APIRequestContext;
  csrf: string;
}

async function csrfOf(ctx: APIRequestContext, page = "/login"): Promise<string> {
  const html = await (await ctx.get(page, { maxRedirects: 5 })).text();
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
}

async function signIn(role: string, email: string | null): Promise<Session> {
  const ctx = await newRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { "Accept-Language": "vi-VN" } });
  const csrf = await csrfOf(ctx);
  if (email) {
    const r = await ctx.post("/login", { form: { email, password: PASSWORD, csrf, redirectTo: "" }, maxRedirects: 0 });
    expect(r.status(), `sign-in as ${role}`).toBe(302);
  }
  return { role, ctx, csrf };
}

async function clearThrottles() {
  await owner`delete from app_private.request_limits`;
}

// ---------------------------------------------------------------- the suite

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  // Leave the sign-in throttles and public rate limits as the other suites expect them.
  await owner`delete from app_private.login_attempts`;
  await clearThrottles();
  await owner.end();
});

test("malformed input anywhere is a 4xx, never a 5xx, and writes nothing", async () => {
  test.setTimeout(300_000);
  const t0 = Date.now();
  const [ids] = await owner<Ids[]>`
    select (select c.id from public.cases c join public.units u on u.id = c.unit_id where u.code = 'P-HAI-PHONG-KV01' order by c.accepted_on desc limit 1) as "caseId",
           (select a.id from public.assets a join public.units u on u.id = a.unit_id where u.code like 'P-HAI-PHONG%' limit 1) as "assetId",
           (select r.id from public.service_requests r join public.units u on u.id = r.province_id where u.slug = 'hai-phong' limit 1) as "requestId",
           (select f.id from public.steering_flags f join public.units u on u.id = f.province_id where u.slug = 'hai-phong' limit 1) as "flagId",
           (select m.id from public.steering_meetings m limit 1) as "meetingId",
           (select c.id from public.steering_committees c limit 1) as "committeeId"`;
  for (const [k, v] of Object.entries(ids!)) if (!v) (ids as unknown as Record<string, string>)[k] = randomUUID();

  const sessions: Session[] = [];
  for (const [role, email] of Object.entries(ROLES)) sessions.push(await signIn(role, email));
  const anonymous = sessions.find((s) => s.role === "anonymous")!;
  const before = await rowCounts();

  // 1. Every route as every role: which answer, and the forms its page renders.
  const routes = routePatterns();
  expect(routes.length).toBeGreaterThan(40);
  const best = new Map<string, Session>();
  const forms = new Map<string, { form: FormSpec; session: Session }>();
  for (const { pattern } of routes) {
    const url = validPath(pattern, ids!);
    for (const s of sessions) {
      const r = await record(`GET ${url} as ${s.role}`, () => s.ctx.get(url, { maxRedirects: 0 }));
      if (r?.status() !== 200) continue;
      if (!best.has(pattern)) best.set(pattern, s);
      if (!(r.headers()["content-type"] ?? "").includes("text/html")) continue;
      for (const form of formsOf(await r.text(), url)) {
        const intent = form.fields.find((f) => f.name === "intent")?.value ?? "";
        const key = `${form.action.split("?")[0]}|${intent}|${form.fields
          .map((f) => f.name)
          .sort()
          .join(",")}`;
        // Signing out is fuzzed signed out only, so the roles keep their sessions.
        if (form.action.startsWith("/logout") && s.role !== "anonymous") {
          forms.set(`${key}|anon`, { form, session: anonymous });
          continue;
        }
        if (!forms.has(key)) forms.set(key, { form, session: s });
      }
    }
  }
  expect(forms.size, "forms found on the pages").toBeGreaterThan(10);

  const phases: string[] = [`routes ${((Date.now() - t0) / 1000).toFixed(0)} s`];
  // 2. Path parameters and query parameters, as the first role that may open the route, and signed out.
  const gets: { what: string; s: Session; url: string }[] = [];
  for (const { pattern, file } of routes) {
    const who = [...new Set([best.get(pattern) ?? anonymous, anonymous])];
    const url = validPath(pattern, ids!);
    const names = queryNames(file);
    for (const s of who) {
      for (const p of malformedPaths(pattern, ids!)) gets.push({ what: "path", s, url: p });
      const every = (v: string) => `${url}?${names.map((n) => `${n}=${encodeURIComponent(v)}`).join("&")}`;
      for (const v of [
        NUL,
        "x\r\ny",
        "",
        "x".repeat(6000),
        "00/00/0000",
        "31/02/2025",
        "9999-12-31",
        "0000-01-01",
        ...MALFORMED_UUIDS.slice(0, 2),
        "-1",
        "1e309",
        "[object Object]",
        "__proto__",
        "constructor",
      ]) {
        if (names.length) gets.push({ what: `all params=${short(v)}`, s, url: every(v) });
      }
      if (s === anonymous && who.length > 1) continue;
      for (const n of names) {
        for (const v of ["31/02/2025", "9999-12-31", MALFORMED_UUIDS[0]!, randomUUID(), "-1"]) {
          gets.push({ what: `${n}=${short(v)}`, s, url: `${url}?${n}=${encodeURIComponent(v)}` });
        }
      }
      if (names.length) {
        gets.push({ what: "repeated", s, url: `${url}?${names.map((n) => `${n}=1&${n}=2&${n}=`).join("&")}` });
        gets.push({
          what: "objects",
          s,
          url: `${url}?${names.map((n) => `${n}[__proto__][x]=1&${n}[constructor][prototype][x]=1`).join("&")}&__proto__.x=1`,
        });
      }
      gets.push({ what: "huge query", s, url: `${url}?q=${"a".repeat(100_000)}` });
    }
  }
  await pool(gets, 4, (g) =>
    record(`GET ${g.url.slice(0, 160)} as ${g.s.role} (${g.what})`, () => g.s.ctx.get(g.url, { maxRedirects: 0 })),
  );

  phases.push(`parameters ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // Malformed cookies and credentials on every route.
  const hostileHeaders: Record<string, string>[] = [
    { Cookie: "thads_lang=%E0%A4%A; thads_csrf=%; thads_session=%ZZ%00" },
    { Cookie: `thads_session=${"a".repeat(4000)}` },
    { Authorization: `Bearer %00${"a".repeat(50)}` },
    { Authorization: "Bearer ------------------------------" },
  ];
  const cookieGets = routes.flatMap(({ pattern }) => hostileHeaders.map((h) => ({ url: validPath(pattern, ids!), h })));
  await pool(cookieGets, 4, (g) =>
    record(`GET ${g.url} with ${short(JSON.stringify(g.h))}`, () => anonymous.ctx.get(g.url, { headers: g.h, maxRedirects: 0 })),
  );

  // 3. Every route's path answers a junk post (urlencoded, JSON, wrong type) with a 4xx.
  for (const { pattern } of routes) {
    const url = validPath(pattern, ids!);
    const s = best.get(pattern) ?? anonymous;
    if (url.startsWith("/logout")) continue;
    await record(`POST junk ${url} as ${s.role}`, () =>
      s.ctx.post(url, {
        data: `csrf=${s.csrf}&x=${encodeURIComponent(NUL)}`,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        maxRedirects: 0,
      }),
    );
    const json = `{"csrf":"${s.csrf}","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}`;
    await record(`POST json ${url} as ${s.role}`, () =>
      s.ctx.post(url, { data: json, headers: { "Content-Type": "application/json" }, maxRedirects: 0 }),
    );
    await record(`POST text ${url} as ${s.role}`, () =>
      s.ctx.post(url, { data: "\u0000\r\n", headers: { "Content-Type": "text/plain" }, maxRedirects: 0 }),
    );
  }

  phases.push(`junk posts ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // 4. Every form: each field malformed, then the body as a whole.
  const changes: string[] = [];
  for (const { form, session: s } of forms.values()) {
    const post = (label: string, body: string | Buffer, type: string) =>
      record(`POST ${form.action} as ${s.role} (${label})`, async () => {
        if (form.action.startsWith("/p/")) await clearThrottles();
        return s.ctx.post(form.action, { data: body, headers: { "Content-Type": type }, maxRedirects: 0 });
      });
    const csrfEntries = form.fields.some((f) => f.name === "csrf") ? [] : ([["csrf", s.csrf]] as [string, string][]);
    const variants = fieldVariants(form);
    await pool(variants, 4, (v) => post(v.label, urlencode([...csrfEntries, ...v.entries]), "application/x-www-form-urlencoded"));
    const base = [...csrfEntries, ...form.fields.map((f) => [f.name, f.value] as [string, string])];
    const bad = base.map(([k, v]) => (k === "csrf" || k === "intent" ? [k, v] : [k, NUL]) as [string, string]);
    const hostileKeys: [string, string][] = [
      ["__proto__.polluted", "1"],
      ["constructor.prototype.polluted", "1"],
      ["prototype.x", "1"],
      ["__proto__", "1"],
      ["judgment.__proto__.polluted", "1"],
      ["rank.__proto__", "1"],
      // What an attacker would plant to send every later sign-in elsewhere (an address where nothing listens).
      ["__proto__.SUPABASE_URL", "http://127.0.0.1:9/"],
      ["__proto__.SUPABASE_ANON_KEY", "k".repeat(40)],
      ["constructor.prototype.ALLOWED_ORIGINS", "http://127.0.0.1:9"],
    ];
    await post("__proto__ keys", urlencode([...bad, ...hostileKeys]), "application/x-www-form-urlencoded");
    await post(
      "empty fields",
      urlencode(base.map(([k, v]) => (k === "csrf" ? [k, v] : [k, ""]) as [string, string])),
      "application/x-www-form-urlencoded",
    );
    await post("empty body", "", "application/x-www-form-urlencoded");
    await post("bad percent-encoding", `csrf=${s.csrf}&%ZZ=%E0%A4%A&x=%`, "application/x-www-form-urlencoded");
    await post("huge body", urlencode([...bad, ["big", HUGE]]), "application/x-www-form-urlencoded");
    await post("json body", JSON.stringify(Object.fromEntries(bad)), "application/json");
    await post("wrong content type", urlencode(bad), "text/plain");
    const boundary = `----fuzz${randomUUID()}`;
    const multipart = Buffer.from(
      bad.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\u0000\r\n--${boundary}--\r\n`,
    );
    await post("multipart", multipart, `multipart/form-data; boundary=${boundary}`);
    await post("multipart without boundary", multipart, "multipart/form-data");
    if (form.fields.some((f) => f.kind === "file" && f.name === "file")) {
      for (const [label, csv] of await hostileImports(s)) {
        for (const target of [form.action, "/cases/import/run"]) {
          const b = `----fuzz${randomUUID()}`;
          const body = Buffer.concat([
            Buffer.from(
              `--${b}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${s.csrf}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="viec.csv"\r\nContent-Type: text/csv\r\n\r\n`,
            ),
            Buffer.from(csv, "utf8"),
            Buffer.from(`\r\n--${b}--\r\n`),
          ]);
          await record(`POST ${target} as ${s.role} (import: ${label})`, () =>
            s.ctx.post(target, { data: body, headers: { "Content-Type": `multipart/form-data; boundary=${b}` }, maxRedirects: 0 }),
          );
          const [{ n }] = (await owner<{ n: number }[]>`select count(*)::int as n from public.cases`) as unknown as [{ n: number }];
          if (n !== before["public.cases"]) {
            changes.push(`${target} as ${s.role} (import: ${label}): public.cases ${before["public.cases"]} → ${n}`);
            before["public.cases"] = n;
          }
        }
      }
    }
    const now = await rowCounts();
    const d = diff(before, now);
    if (d.length) {
      changes.push(`${form.action} as ${s.role} (fields ${form.fields.map((f) => f.name).join(",")}): ${d.join("; ")}`);
      Object.assign(before, now);
    }
  }

  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(
    `hostile input: ${sent} requests to ${routes.length} routes and ${forms.size} forms in ${seconds} s; ${failures.length} answered 5xx or failed; ${changes.length} forms wrote rows`,
  );
  console.log(`  phases done at: ${phases.join(", ")}, forms ${seconds} s`);
  console.log(
    `  answers: ${[...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([k, n]) => `${k}×${n}`)
      .join(" ")}`,
  );
  for (const f of failures.slice(0, 80)) console.log(`  ${f}`);
  for (const c of changes) console.log(`  wrote: ${c}`);

  // 5. Nothing leaked into Object.prototype: sign-in still verifies locally, and the pages still work.
  const check = await signIn("clerk again", ROLES.clerk!);
  const home = await check.ctx.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(302);
  expect(home.headers().location).not.toContain("login");
  const fresh = await signIn("anonymous again", null);
  const wrong = await fresh.ctx.post("/login", {
    form: { email: "khong-ton-tai@demo.thads.vn", password: "sai-mat-khau", csrf: fresh.csrf },
    maxRedirects: 0,
  });
  await fresh.ctx.dispose();
  expect(wrong.status(), "a wrong password is refused locally (401), not sent elsewhere (503)").toBe(401);

  for (const s of sessions) await s.ctx.dispose();
  await check.ctx.dispose();
  expect(failures, "requests answered 5xx").toEqual([]);
  expect(changes, "malformed posts that changed rows").toEqual([]);
});
