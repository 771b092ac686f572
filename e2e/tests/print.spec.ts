import { expect, test, type Page } from "@playwright/test";
import { STAT_DEFINITIONS, STAT_FIGURES } from "@thads/domain/stats";
import { signIn, signOut } from "./helpers.ts";
import { grouped, onOneLine, pdfPages, type PdfPage } from "./pdf-text.ts";

const FROM = "2025-10-01";
const TO = "2026-08-31";
const period = `from=${FROM}&to=${TO}`;

/** Every piece of text lies inside the page: no column runs off the paper. */
function expectInsidePages(pages: PdfPage[]) {
  for (const [n, p] of pages.entries()) {
    expect(p.width, `page ${n + 1} is landscape`).toBeGreaterThan(p.height);
    for (const it of p.items) {
      expect(it.x, `"${it.text}" on page ${n + 1}`).toBeGreaterThanOrEqual(0);
      expect(it.x + it.width, `"${it.text}" on page ${n + 1}`).toBeLessThanOrEqual(p.width + 0.5);
    }
  }
}

async function checkFormsPdf(page: Page, unit: string, issuer: { superior: string; place: string }) {
  const api = await (await page.request.get(`/api/v1/stats?unit=${unit}&${period}`)).json();
  const res = await page.request.get(`/stats/export?unit=${unit}&${period}&format=pdf`);
  expect(res.status()).toBe(200);
  const pages = await pdfPages(await res.body());
  // A4 landscape.
  expect(Math.round(pages[0]!.width)).toBe(842);
  expect(Math.round(pages[0]!.height)).toBe(595);
  expectInsidePages(pages);
  // The pages of each form: the cases form first, the money form from its title on.
  const moneyStart = pages.findIndex((p) => p.lines.some((l) => l.startsWith("BIỂU SỐ 2")));
  expect(moneyStart).toBeGreaterThan(0);
  // Then the breakdown tables and the notes on how each line is defined.
  const breakdownStart = pages.findIndex((p) => p.lines.some((l) => l.startsWith("PHÂN TÍCH BIỂU SỐ 1")));
  expect(breakdownStart).toBeGreaterThan(moneyStart);
  const after = pages.slice(breakdownStart).flatMap((p) => p.lines);
  for (const k of ["ex_officio", "on_request"] as const) {
    expect(onOneLine(after, grouped(String(api.breakdown.decision_kind[k].cases.completed))), `breakdown ${k}`).toBe(true);
  }
  expect(after.join(" ").replace(/\s+/g, " ")).toContain(STAT_DEFINITIONS.money_completed.vi.slice(0, 40));
  const forms = { cases: pages.slice(0, moneyStart), money: pages.slice(moneyStart, breakdownStart) };
  for (const [side, sheets] of Object.entries(forms) as [keyof typeof forms, PdfPage[]][]) {
    const lines = sheets.flatMap((p) => p.lines);
    for (const k of STAT_FIGURES) {
      const printed = grouped(String(api[side][k]));
      expect(onOneLine(lines, printed), `${unit} ${side} ${k}: ${printed} whole on one line`).toBe(true);
    }
    const rate = api[side].completion_rate;
    expect(onOneLine(lines, rate === null ? "—" : rate.replace(".", ","))).toBe(true);
    // The official layout: header block, title, unit and period, headings on every page, page numbers, signatures.
    const text = lines.join("\n");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain(issuer.superior);
    expect(text).toContain(`Kỳ báo cáo: từ ngày 01/10/2025 đến ngày 31/08/2026`);
    expect(text).toContain("Người lập biểu");
    expect(text).toContain("Thủ trưởng đơn vị");
    expect(text).toMatch(new RegExp(`${issuer.place}, ngày \\d\\d tháng \\d\\d năm \\d{4}`));
    // Every page numbered; every page of the table (all but a last one holding only the signatures) has the headings.
    sheets.forEach((p, n) => {
      expect(p.lines, `${side} page ${n + 1}`).toContain(`Trang ${n + 1}/${sheets.length}`);
      const onlySignatures = n === sheets.length - 1 && n > 0 && !p.lines.some((l) => /^(Tổng cộng|Toàn quốc)/.test(l));
      // The last column's heading, "Tỷ lệ xong (%)", may wrap within its column.
      if (!onlySignatures) expect(p.lines.join(" "), `${side} page ${n + 1} has the headings`).toMatch(/Tỷ lệ.*\(%\)/s);
    });
  }
}

test("the forms' PDF is A4 landscape with every figure whole on one line, the official header, page numbers and signatures", async ({
  page,
}) => {
  test.setTimeout(60_000); // three files, the nation's among them
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await checkFormsPdf(page, "P-HAI-PHONG", { superior: "BỘ TƯ PHÁP", place: "Hải Phòng" });
  // A regional office's forms name its province as the body above it.
  await checkFormsPdf(page, "P-HAI-PHONG-KV01", { superior: "THI HÀNH ÁN DÂN SỰ THÀNH PHỐ HẢI PHÒNG", place: "Hải Phòng" });
  await signOut(page);
  await signIn(page, "national.admin@demo.thads.vn");
  await expect(page).toHaveURL(/\/national$/);
  await checkFormsPdf(page, "NATIONAL", { superior: "BỘ TƯ PHÁP", place: "Hà Nội" });
});

test("printing the report page gives every column of both forms on A4 landscape, without navigation or buttons", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  const api = await (await page.request.get(`/api/v1/stats?unit=P-HAI-PHONG&${period}`)).json();
  await page.goto(`/stats/report?unit=P-HAI-PHONG&${period}`);
  await expect(page.getByTestId("report-money")).toBeVisible();
  const navLabels = await page.getByRole("navigation").getByRole("link").allInnerTexts();
  expect(navLabels.length).toBeGreaterThan(0);
  const userName = await page.getByTestId("user-name").innerText();
  // On screen, a unit name is not broken one word per line.
  const name = page.getByTestId("report-money").locator("tbody tr").first().locator("td").first();
  const lineHeight = await name.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 16);
  expect((await name.boundingBox())!.height).toBeLessThan(lineHeight * 2 + 12);

  await page.emulateMedia({ media: "print" });
  const pages = await pdfPages(await page.pdf({ format: "A4", landscape: true }));
  expectInsidePages(pages);
  const lines = pages.flatMap((p) => p.lines);
  const text = lines.join(" ").replace(/\s+/g, " ");
  for (const label of [...navLabels, userName, "Đăng xuất", "In / lưu PDF", "Tải .xlsx", "Xem"]) {
    expect(text, `"${label}" is not printed`).not.toContain(label.trim());
  }
  // The last column's heading, in both forms, and the header and signatures blocks.
  expect(text.match(/Tỷ lệ( xong)?.{0,400}?\(%\)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text).toContain("Thủ trưởng đơn vị");
  // The unit's total on the money form: every amount whole on one line.
  for (const k of STAT_FIGURES) {
    const printed = grouped(String(api.money[k]));
    expect(onOneLine(lines, printed), `money ${k}: ${printed}`).toBe(true);
  }
});
