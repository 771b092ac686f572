import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { STAT_FIGURE_LABELS, STAT_FIGURES } from "@thads/domain/stats";
import { signIn, signOut } from "./helpers.ts";

const count = (s: string) => Number(s.replace(/[^\d]/g, ""));

test("a national user sees the 34 provinces in the league table and the tile map; totals add up", async ({ page }) => {
  await signIn(page, "national.admin@demo.thads.vn");
  await expect(page).toHaveURL(/\/national$/);
  const rows = page.getByTestId("league").locator("tbody tr");
  await expect(rows).toHaveCount(34);
  await expect(page.getByTestId("tile")).toHaveCount(34);
  const perProvince = await page.getByTestId("league").locator("tbody tr td:nth-child(2)").allInnerTexts();
  const nation = count(await page.getByTestId("stat-cases").innerText());
  expect(nation).toBeGreaterThan(0);
  expect(perProvince.reduce((n, t) => n + count(t), 0)).toBe(nation);
  await expect(page.getByTestId("stat-rate-cases")).toHaveText(/^\d+,\d\d%$/);
  // A merged province's "last year" names the province merged into it (ADR 029); one never merged names none.
  const haiPhong = rows.filter({ hasText: "thành phố Hải Phòng" });
  await expect(haiPhong.getByTestId("predecessors")).toHaveText(
    "Cùng kỳ năm trước gồm cả số liệu của: Cục Thi hành án dân sự tỉnh Hải Dương (đến 30/06/2025)",
  );
  await expect(rows.filter({ hasText: "thành phố Hà Nội" }).getByTestId("predecessors")).toHaveCount(0);
});

test("a province user sees its own province only, in the pages and the API", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await expect(page.getByTestId("form-cases")).toBeVisible();
  // A regional office's last year is that of the district offices whose area it took over (ADR 029).
  const kv01 = page.getByTestId("subunits").locator("tbody tr").filter({ hasText: "khu vực 1 –" });
  await expect(kv01.getByTestId("predecessors")).toHaveText(
    /^Cùng kỳ năm trước gồm cả số liệu của: Chi cục Thi hành án dân sự huyện [^;]+ \(đến 30\/06\/2025\)/,
  );
  const other = await page.goto("/province/ha-noi");
  expect(other?.status()).toBe(403);
  const q = "from=2025-10-01&to=2026-08-31";
  const own = await page.request.get(`/api/v1/stats?unit=P-HAI-PHONG&${q}`);
  expect(own.status()).toBe(200);
  const body = await own.json();
  expect(Object.keys(body)).toEqual(["unit", "from", "to", "cases", "money", "breakdown"]);
  // Each split adds up to its line: ex officio + on request = the line, by cases.
  const split = body.breakdown.decision_kind;
  expect(BigInt(split.ex_officio.cases.enforceable) + BigInt(split.on_request.cases.enforceable)).toBe(BigInt(body.cases.enforceable));
  expect(Object.keys(body.cases).sort()).toEqual([...STAT_FIGURES, "completion_rate"].sort());
  expect(typeof body.money.enforceable).toBe("string");
  expect(body.money.enforceable).toMatch(/^\d+$/);
  if (body.cases.completion_rate !== null) expect(body.cases.completion_rate).toMatch(/^\d+\.\d\d$/);
  expect(body.cases.to_enforce).toBe(body.cases.enforceable + body.cases.not_yet_enforceable);
  expect(body.cases.total_accepted).toBe(body.cases.carried_over + body.cases.newly_accepted + body.cases.reopened);
  expect(body.cases.to_enforce).toBe(body.cases.total_accepted - body.cases.transferred_out - body.cases.registered - body.cases.returned);
  expect((await page.request.get(`/api/v1/stats?unit=P-HA-NOI&${q}`)).status()).toBe(403);
  const national = await page.request.get(`/api/v1/stats?unit=NATIONAL&${q}`);
  expect(national.status()).toBe(403);
  const bad = await page.request.get(`/api/v1/stats?unit=P-HAI-PHONG&from=2026-13-01&to=2026-08-31`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("Từ ngày");
});

test("clicking a figure opens a case list of exactly that many cases", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.goto("/province/hai-phong?from=2025-10-01&to=2026-09-30");
  for (const fig of ["fig-cases-enforceable", "fig-cases-not_yet_enforceable", "fig-cases-completed", "fig-cases-carried_over"]) {
    const link = page.getByTestId(fig);
    const expected = Number(await link.getAttribute("data-value"));
    await link.click();
    await expect(page).toHaveURL(/\/cases\?stat=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Việc thi hành án/);
    const subtitle = await page.locator("header p").first().innerText();
    expect(count(subtitle), fig).toBe(expected);
    // The list says what it lists: the figure, the unit, the period and the same count.
    const caption = page.getByTestId("figure-caption");
    const figure = fig.replace("fig-cases-", "") as (typeof STAT_FIGURES)[number];
    await expect(caption).toContainText(`«${STAT_FIGURE_LABELS[figure].vi}»`);
    await expect(caption).toContainText("Hải Phòng");
    await expect(caption).toContainText("từ ngày 01/10/2025 đến ngày 30/09/2026");
    expect(count((await caption.innerText()).split(":").at(-1)!), fig).toBe(expected);
    await page.goBack();
  }
  // A money figure opens the cases whose money makes it up, and the list sums to the figure.
  for (const fig of ["fig-money-enforceable", "fig-money-completed"]) {
    const link = page.getByTestId(fig);
    const expected = await link.getAttribute("data-value");
    await link.click();
    await expect(page).toHaveURL(/side=money/);
    const caption = page.getByTestId("figure-caption");
    await expect(caption).toHaveAttribute("data-side", "money");
    await expect(caption).toHaveAttribute("data-money", expected!);
    await expect(caption).toContainText("tổng số tiền");
    await page.goBack();
  }
  // The same from the national page, for a province row of the league table.
  await signOut(page);
  await signIn(page, "national.viewer@demo.thads.vn");
  await expect(page).toHaveURL(/\/national$/);
  await page.goto("/national?from=2025-10-01&to=2026-09-30");
  const cell = page.getByTestId("league").locator("tbody tr").first().locator("td:nth-child(3) a");
  const n = count(await cell.innerText());
  await cell.click();
  await expect(page).toHaveURL(/\/cases\?stat=enforceable/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Việc thi hành án/);
  expect(count(await page.locator("header p").first().innerText())).toBe(n);
  // The nation's lists through the API: as many cases as the figure, whatever its size, and a money
  // figure's list holds its money.
  const period = "statFrom=2025-10-01&statTo=2026-09-30";
  const stats = await (await page.request.get("/api/v1/stats?unit=NATIONAL&from=2025-10-01&to=2026-09-30")).json();
  for (const figure of ["in_progress", "completed", "not_yet_enforceable"] as const) {
    const list = await (await page.request.get(`/api/v1/cases?stat=${figure}&statUnit=NATIONAL&${period}`)).json();
    expect(list.total, figure).toBe(stats.cases[figure]);
    expect(list.totalIsCapped, figure).toBe(false);
    expect(list.data.length, figure).toBe(Math.min(stats.cases[figure], 50));
    const money = await (await page.request.get(`/api/v1/cases?stat=${figure}&statUnit=NATIONAL&${period}&side=money`)).json();
    expect(money.moneyTotal, figure).toBe(stats.money[figure]);
  }
  expect(stats.cases.in_progress).toBeGreaterThan(0);
});

test("the .xlsx export parses back to the same numbers as the API", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  const q = "unit=P-HAI-PHONG&from=2025-10-01&to=2026-08-31";
  const api = await (await page.request.get(`/api/v1/stats?${q}`)).json();
  await page.goto(`/province/hai-phong?from=2025-10-01&to=2026-08-31`);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-xlsx").click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file!);
  // The official forms' columns, in the order of the figures, then the completion rate.
  const keys = STAT_FIGURES;
  for (const [sheet, side] of [
    ["Ve viec", "cases"],
    ["Ve tien", "money"],
  ] as const) {
    const ws = wb.getWorksheet(sheet)!;
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header[0]).toBe("Mã đơn vị");
    let total: unknown[] | null = null;
    let subunits = 0;
    ws.eachRow((row, i) => {
      if (i <= 4) return;
      const v = (row.values as unknown[]).slice(1);
      if (v[0] === "P-HAI-PHONG") total = v;
      else subunits++;
    });
    expect(subunits).toBeGreaterThanOrEqual(11);
    expect(total).not.toBeNull();
    keys.forEach((k, i) => {
      const cell = total![i + 2];
      expect(typeof cell, `${sheet} ${k}`).toBe("number");
      expect(String(cell), `${sheet} ${k}`).toBe(String(api[side][k]));
    });
    const rate = total![keys.length + 2];
    expect(rate === null || rate === undefined ? null : (rate as number).toFixed(2)).toBe(api[side].completion_rate);
  }
});

test("a province head sets an office's target and sees it against the office's rate", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.getByRole("link", { name: "Giao chỉ tiêu cho các phòng khu vực" }).click();
  const cases = page.getByLabel(/khu vực 1 – Hải Phòng: chỉ tiêu về việc/);
  await cases.fill("101");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByRole("alert")).toContainText("chỉ tiêu về việc: phải từ 0 đến 100.");
  await page.getByLabel(/khu vực 1 – Hải Phòng: chỉ tiêu về việc/).fill("83,25");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByRole("status")).toContainText("Đã lưu");
  await page.goto("/province/hai-phong");
  await expect(page.getByTestId("subunits").locator("tbody tr").first()).toContainText("/ 83,25%");
});

test("a sub-bureau's page shows its own official forms; a figure opens exactly its cases; the export shows its progress and downloads", async ({
  page,
}) => {
  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\/P-HAI-PHONG-KV01$/);
  await page.goto("/unit/P-HAI-PHONG-KV01?from=2025-10-01&to=2026-09-30");
  await expect(page.getByTestId("form-cases")).toBeVisible();
  await expect(page.getByTestId("form-money")).toBeVisible();
  const link = page.getByTestId("fig-cases-enforceable");
  const expected = Number(await link.getAttribute("data-value"));
  await link.click();
  await expect(page).toHaveURL(/\/cases\?stat=enforceable/);
  await expect(page.getByTestId("figure-caption")).toBeVisible();
  expect(count(await page.locator("header p").first().innerText())).toBe(expected);
  await page.goBack();
  // The download goes through the page's progress-showing button and saves the server's file.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-xlsx").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("thong-ke-p-hai-phong-kv01-2025-10-01-2026-09-30.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Ve viec", "Ve tien", "Phan tich ve viec", "Phan tich ve tien", "Cach tinh"]);
  // And as a PDF file.
  const pdfDownload = page.waitForEvent("download");
  await page.getByTestId("export-pdf").click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe("thong-ke-p-hai-phong-kv01-2025-10-01-2026-09-30.pdf");
  const bytes = await readFile(await pdf.path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
