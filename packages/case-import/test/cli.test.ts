import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { csv, row } from "./helpers.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const cliPath = path.resolve(here, "../src/cli.ts");
const tsx = path.resolve(here, "../../../node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(tmpdir(), "case-import-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = useTenantFixture();
const clerkEmail = () => `clerk.${ctx.fx.tag}@test.vn`.toLowerCase();
const unit = () => `P-A-${ctx.fx.tag}-KV01`;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [cliPath, ...args],
      { env: { ...process.env, DATABASE_URL: inject("ownerUrl"), APP_DATABASE_URL: inject("appUrl") }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("cli", () => {
  it("writes the templates", async () => {
    const out = path.join(dir, "mau.csv");
    expect((await cli("--template", out)).code).toBe(0);
    expect(readFileSync(out, "utf8").startsWith("\uFEFFso_thu_ly,ngay_thu_ly,")).toBe(true);
    const xlsx = path.join(dir, "mau.xlsx");
    expect((await cli("--template", xlsx)).code).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    expect((await cli("--template", path.join(dir, "mau.txt"))).code).toBe(2);
  });

  it("imports a file as the user, with progress, and exits 0", async () => {
    const rows = [row(unit()), row(unit())];
    const r = await cli(file("ok.csv", csv(rows)), "--as", clerkEmail().toUpperCase());
    expect(r.stdout).toMatch(/Đã nhập 2\/2 việc/);
    expect(r.stderr).toMatch(/\[done\]/);
    expect(r.code).toBe(0);
    const n = await ctx.owner`select 1 from public.cases where case_number = any(${rows.map((x) => x.so_thu_ly!)})`;
    expect(n).toHaveLength(2);
  });

  it("lists errors by line and column and exits 1; --dry-run and --partial", async () => {
    const rows = [row(unit()), row(unit(), { so_tien: "-1" }), row(unit())];
    const p = file("bad.csv", csv(rows));
    const r = await cli(p, "--as", clerkEmail());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^dòng 3, cột so_tien: Số tiền phải thi hành: phải là số tiền nguyên dương/m);
    expect(r.stdout).toMatch(/Không ghi dòng nào: 1 lỗi trong 3 dòng/);

    const dry = await cli(p, "--as", clerkEmail(), "--dry-run", "--partial");
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/Chạy thử: 3 dòng, 2 hợp lệ, 1 lỗi; sẽ ghi 2 việc/);
    expect(await ctx.owner`select 1 from public.cases where case_number = ${rows[0]!.so_thu_ly!}`).toHaveLength(0);

    const partial = await cli(p, "--as", clerkEmail(), "--partial");
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/Đã nhập 2\/3 việc/);
  });

  it("refuses an unknown user and bad usage", async () => {
    const p = file("one.csv", csv([row(unit())]));
    const r = await cli(p, "--as", "khong-co@test.vn");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Không tìm thấy người dùng/);
    expect((await cli(p)).code).toBe(2);
    expect((await cli("--bogus")).code).toBe(2);
  });

  it("--migrate: a cases file and an events file, with progress; the same files again change nothing", async () => {
    const staff = `province_staff.${ctx.fx.tag}@test.vn`.toLowerCase();
    const c = row(unit(), { ngay_thu_ly: "03/11/2025" });
    const cases = file("mig-cases.csv", csv([c]));
    const events = file(
      "mig-events.csv",
      `so_thu_ly,loai_su_kien,ngay_thuc_hien,ket_qua\n${c.so_thu_ly},decision,05/11/2025,\n${c.so_thu_ly},notification,06/11/2025,\n${c.so_thu_ly},verification,01/12/2025,\n${c.so_thu_ly},classification,02/12/2025,chua_co_dieu_kien\n`,
    );
    const r = await cli("--migrate", "--cases", cases, "--events", events, "--as", staff);
    expect(r.stdout).toMatch(/Đã chuyển đổi \(việc: 1 mới, 0 đã có; sự kiện: 4 mới/);
    expect(r.stderr).toMatch(/\[done\]/);
    expect(r.code).toBe(0);
    const [s] = await ctx.owner<{ status: string }[]>`select status from public.cases where case_number = ${c.so_thu_ly!}`;
    expect(s!.status).toBe("not_yet_enforceable");
    const again = await cli("--migrate", "--cases", cases, "--events", events, "--as", staff);
    expect(again.stdout).toMatch(/việc: 0 mới, 1 đã có; sự kiện: 0 mới \(0 tạo từ ảnh chụp\), 4 đã có/);
    expect(again.code).toBe(0);

    const bad = file("mig-bad.csv", `so_thu_ly,loai_su_kien,ngay_thuc_hien\n${c.so_thu_ly},completion,03/12/2025\n`);
    const refused = await cli("--migrate", "--events", bad, "--as", staff);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^tệp sự kiện, dòng 2, cột loai_su_kien: /m);

    const tpl = path.join(dir, "su_kien.csv");
    expect((await cli("--template", tpl, "--kind", "events")).code).toBe(0);
    expect(readFileSync(tpl, "utf8").startsWith("\uFEFFso_thu_ly,loai_su_kien,ngay_thuc_hien,")).toBe(true);
  });
});
