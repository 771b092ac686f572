import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers.ts";

const run = Date.now().toString(36).toUpperCase();
// The statistical year 2010–2011: before any of the demo data, so the figures are the imported cases' alone (over a baseline).
const PERIOD = "from=2010-10-01&to=2011-09-30";

const csv = (rows: string[][]) =>
  Buffer.from(`${rows.map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\n")}\n`, "utf8");

async function figures(page: Page) {
  await page.goto(`/province/hai-phong?${PERIOD}`);
  const value = async (k: string) => Number(await page.getByTestId(`fig-cases-${k}`).getAttribute("data-value"));
  return { completed: await value("completed"), notYet: await value("not_yet_enforceable"), carried: await value("carried_over") };
}

test("province staff move a province's cases and histories in from the page, see progress, then the province's statistics", async ({
  page,
}) => {
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  const before = await figures(page);

  // The templates are there for both files.
  const template = await page.request.get("/cases/migrate/template?kind=events&format=csv");
  expect(template.status()).toBe(200);
  expect((await template.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toMatch(/^so_thu_ly,loai_su_kien,ngay_thuc_hien,/);

  // Three cases taken in during July 2010, carried over into the 2010–2011 year.
  const numbers = [1, 2, 3].map((n) => `${run}-${n}/QĐ-CĐ`);
  const cases = csv([
    [
      "so_thu_ly",
      "ngay_thu_ly",
      "nguon",
      "hinh_thuc",
      "don_vi",
      "toa_an",
      "so_ban_an",
      "ngay_ban_an",
      "loai_ban_an",
      "nguoi_duoc_thi_hanh",
      "loai_nguoi_duoc",
      "nguoi_phai_thi_hanh",
      "loai_nguoi_phai",
      "so_tien",
      "chap_hanh_vien",
    ],
    ...numbers.map((n, i) => [
      n,
      "15/07/2010",
      "toa_an",
      "chu_dong",
      "P-HAI-PHONG-KV01",
      "Tòa án nhân dân thành phố Hải Phòng",
      `${run}-${i}/2010/DS-ST`,
      "01/06/2010",
      "dan_su",
      "Ngân hàng TMCP Á Châu",
      "to_chuc",
      `Nguyễn Văn ${i}`,
      "ca_nhan",
      "10.000.000",
      "hai-phong.kv01.executor@demo.thads.vn",
    ]),
  ]);
  // Columns: case, step (Vietnamese label or code), date, classification result, amount.
  const history = (n: string, result: string) => [
    [n, "quyết định thi hành án", "20/07/2010", "", ""],
    [n, "thông báo quyết định thi hành án", "21/07/2010", "", ""],
    [n, "xác minh điều kiện thi hành án", "20/08/2010", "", ""],
    [n, "phân loại điều kiện thi hành án", "21/08/2010", result, ""],
  ];
  const [completed, notYet, partlyPaid] = numbers as [string, string, string];
  const events = csv([
    ["so_thu_ly", "loai_su_kien", "ngay_thuc_hien", "ket_qua", "so_tien"],
    ...history(completed, "co_dieu_kien"),
    [completed, "payment", "15/11/2010", "", "10.000.000"],
    [completed, "completion", "20/11/2010", "", ""],
    ...history(notYet, "chua_co_dieu_kien"),
    ...history(partlyPaid, "co_dieu_kien"),
    [partlyPaid, "payment", "10/12/2010", "", "4.000.000"],
  ]);

  await page.goto("/cases/migrate");
  await page.getByLabel("Tệp việc (.csv, .xlsx)").setInputFiles({ name: "viec.csv", mimeType: "text/csv", buffer: cases });
  await page.getByLabel("Tệp sự kiện (.csv, .xlsx)").setInputFiles({ name: "su_kien.csv", mimeType: "text/csv", buffer: events });
  await page.getByRole("button", { name: "Chuyển đổi" }).click();
  await expect(page.getByTestId("migration-progress")).toContainText(/Kiểm tra: [\d.]+ \/ 18 dòng/);
  await expect(page.getByTestId("migration-summary")).toContainText("Việc: 3 mới, 0 đã có · sự kiện: 15 mới", { timeout: 60_000 });
  await expect(page.getByTestId("migration-error")).toHaveCount(0);

  // The same files again: nothing changes.
  await page.getByRole("button", { name: "Chuyển đổi" }).click();
  await expect(page.getByTestId("migration-summary")).toContainText("Việc: 0 mới, 3 đã có · sự kiện: 0 mới (0 tạo từ ảnh chụp), 15 đã có");

  // The province's statistics for the year: three carried over, one completed, one not yet enforceable.
  const after = await figures(page);
  expect(after).toEqual({ completed: before.completed + 1, notYet: before.notYet + 1, carried: before.carried + 3 });

  // The continuity check: the last official report had one more completed case; the line shows −1 and opens the cases counted.
  await page.goto(`/stats/continuity?unit=P-HAI-PHONG&${PERIOD}`);
  await page.getByLabel("Thi hành xong – Về việc").fill(String(after.completed + 1));
  await page.getByLabel("Năm trước chuyển sang – Về việc").fill(String(after.carried));
  await page.getByRole("button", { name: "Đối chiếu" }).click();
  const difference = page.getByTestId("continuity-difference");
  await expect(difference).toHaveCount(1);
  await expect(difference).toContainText("Thi hành xong");
  await expect(difference).toContainText("−1");
  await difference.getByRole("link", { name: "Xem các việc" }).click();
  await expect(page).toHaveURL(/\/cases\?stat=completed/);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText(`${after.completed} việc`);

  // The completed case's timeline says its steps came from the former software.
  await page.goto(`/cases?q=${encodeURIComponent(completed)}`);
  await page.getByRole("link", { name: completed }).click();
  await expect(page.getByTestId("timeline-facts").filter({ hasText: "Chuyển đổi từ phần mềm cũ" })).toHaveCount(6);
});

test("a history that breaks a rule is refused on the page at its file, row and column; nothing is written", async ({ page }) => {
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  const n = `${run}-X/QĐ-CĐ`;
  const cases = csv([
    [
      "so_thu_ly",
      "ngay_thu_ly",
      "nguon",
      "hinh_thuc",
      "don_vi",
      "toa_an",
      "so_ban_an",
      "ngay_ban_an",
      "loai_ban_an",
      "nguoi_duoc_thi_hanh",
      "loai_nguoi_duoc",
      "nguoi_phai_thi_hanh",
      "loai_nguoi_phai",
      "so_tien",
    ],
    [
      n,
      "15/07/2010",
      "toa_an",
      "chu_dong",
      "P-HAI-PHONG-KV01",
      "Tòa án nhân dân thành phố Hải Phòng",
      `${run}-X/2010/DS-ST`,
      "01/06/2010",
      "dan_su",
      "Ngân hàng TMCP Á Châu",
      "to_chuc",
      "Trần Văn X",
      "ca_nhan",
      "10.000.000",
    ],
  ]);
  // Completion with nothing paid.
  const events = csv([
    ["so_thu_ly", "loai_su_kien", "ngay_thuc_hien"],
    [n, "decision", "20/07/2010"],
    [n, "notification", "21/07/2010"],
    [n, "completion", "22/07/2010"],
  ]);
  await page.goto("/cases/migrate");
  await page.getByLabel("Tệp việc (.csv, .xlsx)").setInputFiles({ name: "viec.csv", mimeType: "text/csv", buffer: cases });
  await page.getByLabel("Tệp sự kiện (.csv, .xlsx)").setInputFiles({ name: "su_kien.csv", mimeType: "text/csv", buffer: events });
  await page.getByRole("button", { name: "Chuyển đổi" }).click();
  await expect(page.getByTestId("migration-summary")).toContainText("Không ghi gì.");
  const error = page.getByTestId("migration-error");
  await expect(error).toHaveCount(1);
  await expect(error.locator("td").nth(0)).toHaveText("tệp sự kiện");
  await expect(error.locator("td").nth(1)).toHaveText("4");
  await expect(error.locator("td").nth(2)).toHaveText("loai_su_kien");
  await expect(error.locator("td").nth(3)).toContainText("thi hành xong");
  await page.goto(`/cases?q=${encodeURIComponent(n)}`);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("0 việc");
});
