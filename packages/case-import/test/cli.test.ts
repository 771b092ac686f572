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
});
