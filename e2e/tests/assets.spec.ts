import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

const HEAD = "hai-phong.kv01.head@demo.thads.vn";
const run = Date.now().toString(36).toUpperCase();

/** Opens a step's form (case page or asset page), fills it and records it; waits for the next version. */
async function step(
  page: Page,
  name: string,
  date: string,
  fill: (form: Locator) => Promise<void> = async () => {},
  dateLabel = "Ngày thực hiện (dd/mm/yyyy)",
) {
  const form = page.locator("details", { has: page.getByText(name, { exact: true }) }).first();
  await form.locator("summary").click();
  const version = Number(await form.locator('input[name="version"]').inputValue());
  await form.getByLabel(dateLabel).fill(date);
  await fill(form);
  await form.getByRole("button", { name: `Ghi nhận: ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`\\?done=[a-z_]+&v=${version + 1}$`));
}

/** Submits a step that must be refused; returns its form for the checks. */
async function refused(
  page: Page,
  name: string,
  date: string,
  fill: (form: Locator) => Promise<void>,
  dateLabel = "Ngày thực hiện (dd/mm/yyyy)",
) {
  const form = page.locator("details", { has: page.getByText(name, { exact: true }) }).first();
  await form.locator("summary").click();
  await form.getByLabel(dateLabel).fill(date);
  await fill(form);
  await form.getByRole("button", { name: `Ghi nhận: ${name}` }).click();
  await expect(form.getByRole("alert").first()).toBeVisible();
  return form;
}

test("seize, value, a failed round, a reduced round that sells, deposit and proceeds into the case, distributed in the legal order", async ({
  page,
  browser,
}) => {
  await signIn(page, HEAD);
  await expect(page).toHaveURL(/\/unit\//);

  // An enforceable bank-credit case of 1.5 billion đồng.
  await page.goto("/cases/new");
  await page.getByLabel("Số thụ lý / số quyết định").fill(`TS-${run}`);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("1.500.000.000");
  await page.getByLabel("Án tín dụng, ngân hàng").check();
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`${run}/2026/KDTM-ST`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill("01/10/2026");
  await page.getByRole("group", { name: "Người được thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill("Ngân hàng TMCP Á Châu");
  await page.getByRole("group", { name: "Người phải thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill(`Công ty TNHH Thép ${run}`);
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = new URL(page.url()).pathname;
  await step(page, "Ra quyết định thi hành án", "07/10/2026", async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`${run}/QĐ-THADS`);
    await f.getByLabel("Hình thức").selectOption("on_request");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("1.500.000.000");
  });
  await step(page, "Thông báo thi hành án", "09/10/2026");
  await step(page, "Xác minh điều kiện thi hành án", "21/10/2026");
  await step(page, "Phân loại điều kiện thi hành án", "22/10/2026", async (f) => {
    await f.getByLabel("Kết quả").selectOption("enforceable");
  });

  // The asset, from the case page.
  await page.getByTestId("case-assets-link").click();
  await expect(page.getByTestId("no-assets")).toBeVisible();
  await page.getByLabel("Loại tài sản").selectOption("land_use_right");
  await page.getByLabel("Mô tả tài sản").fill(`Nhà xưởng ${run}, thửa đất số 12`);
  await page.getByLabel("Địa chỉ / nơi có tài sản").fill("KCN Nam Cầu Kiền, Thủy Nguyên, Hải Phòng");
  await page.getByLabel("Thế chấp tại (ngân hàng)").fill("Ngân hàng TMCP Á Châu");
  await page.getByLabel("Ngày xác minh tài sản (dd/mm/yyyy)").fill("23/10/2026");
  await page.getByRole("button", { name: "Ghi nhận tài sản" }).click();
  await expect(page).toHaveURL(/\/assets\/[0-9a-f-]{36}$/);
  const assetUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("asset-status")).toHaveText("Đã xác minh");

  await step(page, "Kê biên / phong tỏa", "24/10/2026", async (f) => {
    await f.getByLabel("Biện pháp").selectOption("seizure");
    await f.getByLabel("Chấp hành viên thực hiện").fill("Trần Văn Bình");
    await f.getByLabel("Số biên bản").fill("12/BB-KB");
  });
  await expect(page.getByTestId("asset-status")).toHaveText("Đã kê biên");
  await step(page, "Thẩm định giá", "26/10/2026", async (f) => {
    await f.getByLabel("Tổ chức thẩm định giá").fill("Công ty CP Thẩm định giá Hải Phòng");
    await f.getByLabel("Giá trị thẩm định (đồng)").fill("2.000.000.000");
  });
  await expect(page.getByTestId("asset-status")).toHaveText("Đã thẩm định giá");
  // A second valuation is a re-valuation: it needs a ground of the law in force (Law 106 Art. 82(2)).
  const noGround = await refused(page, "Thẩm định giá", "27/10/2026", async (f) => {
    await expect(f.getByTestId("revaluation-help")).toContainText("5 ngày làm việc");
    await f.getByLabel("Tổ chức thẩm định giá").fill("Công ty CP Thẩm định giá Hải Phòng");
    await f.getByLabel("Giá trị thẩm định (đồng)").fill("1.500.000.000");
  });
  await expect(noGround.getByRole("alert").first()).toContainText("Căn cứ thẩm định lại");
  await expect(noGround.getByRole("alert").first()).toContainText("Art. 82(2)");
  await page.goto(assetUrl);
  await step(page, "Thẩm định giá", "27/10/2026", async (f) => {
    await f.getByLabel("Tổ chức thẩm định giá").fill("Công ty CP Thẩm định giá Hải Phòng");
    await f.getByLabel("Giá trị thẩm định (đồng)").fill("2.000.000.000");
    await f.getByLabel("Căn cứ thẩm định lại", { exact: true }).selectOption("party_request");
    await f.getByLabel("Ngày đương sự nhận thông báo kết quả thẩm định giá (khi đương sự yêu cầu)").fill("26/10/2026");
  });
  await step(page, "Hợp đồng bán đấu giá", "27/10/2026", async (f) => {
    await f.getByLabel("Tổ chức đấu giá").fill("Công ty Đấu giá hợp danh Số 1");
    await f.getByLabel("Số hợp đồng").fill(`${run}/HĐDG`);
  });
  const round = (held: string, price: string) => async (f: Locator) => {
    await f.getByLabel("Ngày tổ chức phiên (dd/mm/yyyy)").fill(held);
    await f.getByLabel("Giá khởi điểm (đồng)").fill(price);
    await f.getByLabel("Chi phí thi hành án dự tính (đồng)").fill("50.000.000");
  };
  await step(page, "Thông báo phiên đấu giá", "28/10/2026", round("05/11/2026", "2.000.000.000"), "Ngày thông báo (dd/mm/yyyy)");
  await expect(page.getByTestId("asset-status")).toHaveText("Đang bán đấu giá");
  await step(page, "Kết quả phiên đấu giá", "05/11/2026", async (f) => {
    await f.getByLabel("Kết quả").selectOption("no_bidder");
  });
  await expect(page.getByTestId("round-result")).toHaveText("Không có người tham gia / trả giá");
  await expect(page.getByTestId("reduction-hint")).toContainText("1.800.000.000 ₫");

  // Bad input is refused with the reason and nothing is written: 15% off, a negative price, a round dated before the last.
  let form = await refused(
    page,
    "Thông báo phiên đấu giá",
    "07/11/2026",
    round("17/11/2026", "1.700.000.000"),
    "Ngày thông báo (dd/mm/yyyy)",
  );
  await expect(form.getByRole("alert").first()).toContainText("giảm tối đa 10%");
  await page.goto(assetUrl);
  form = await refused(page, "Thông báo phiên đấu giá", "07/11/2026", round("17/11/2026", "-1.800.000.000"), "Ngày thông báo (dd/mm/yyyy)");
  await expect(form.getByRole("alert").first()).toContainText("Giá khởi điểm");
  await page.goto(assetUrl);
  form = await refused(page, "Thông báo phiên đấu giá", "01/11/2026", round("17/11/2026", "1.800.000.000"), "Ngày thông báo (dd/mm/yyyy)");
  await expect(form.getByRole("alert").first()).toContainText("không được trước");
  await page.goto(assetUrl);
  await expect(page.getByTestId("round-row")).toHaveCount(1);

  // The reduced round (10% off), with the public notice while it is open.
  await step(page, "Thông báo phiên đấu giá", "07/11/2026", round("17/11/2026", "1.800.000.000"), "Ngày thông báo (dd/mm/yyyy)");
  await expect(page.getByTestId("round-price")).toHaveText(["2.000.000.000 ₫", "1.800.000.000 ₫"]);
  await expect(page.getByTestId("chart-point")).toHaveCount(2);
  const anon = await browser.newPage();
  await anon.goto("/p/hai-phong/auctions");
  const notice = anon.getByTestId("notice").filter({ hasText: `Nhà xưởng ${run}` });
  await expect(notice).toHaveCount(1);
  await expect(notice.getByTestId("notice-price")).toHaveText("1.800.000.000 ₫");
  await expect(anon.getByText("Trần Văn Bình")).toHaveCount(0);
  const api = await anon.request.get("/api/v1/public/hai-phong/auctions");
  expect(api.status()).toBe(200);
  const listed = ((await api.json()) as { data: Record<string, unknown>[] }).data.filter((n) => String(n.description).includes(run));
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({ round_no: 2, starting_price: "1800000000", held_on: "2026-11-17" });
  expect(Object.keys(listed[0]!).sort()).toEqual([
    "announced_on",
    "asset_kind",
    "description",
    "held_on",
    "location",
    "organisation",
    "round_id",
    "round_no",
    "starting_price",
    "unit_name",
    "venue",
  ]);

  await step(page, "Nhận tiền đặt trước", "10/11/2026", async (f) => {
    await f.getByLabel("Người đặt trước").fill("Công ty TNHH Minh Phát");
    await f.getByLabel("Tiền đặt trước (đồng)").fill("180.000.000");
  });
  await step(page, "Kết quả phiên đấu giá", "17/11/2026", async (f) => {
    await f.getByLabel("Kết quả").selectOption("sold");
    await f.getByLabel("Giá trúng đấu giá (đồng)").fill("1.850.000.000");
    await f.getByRole("textbox", { name: "Người trúng đấu giá" }).fill("Công ty TNHH Minh Phát");
  });
  await expect(page.getByTestId("asset-status")).toHaveText("Đã bán");
  await anon.reload();
  await expect(anon.getByTestId("notice").filter({ hasText: `Nhà xưởng ${run}` })).toHaveCount(0);
  await anon.close();

  await step(page, "Xử lý tiền đặt trước", "18/11/2026", async (f) => {
    await f.getByLabel("Khoản đặt trước").selectOption({ index: 1 });
    await f.getByLabel("Tình huống").selectOption("winner_paid");
  });
  await expect(page.getByTestId("deposit-outcome")).toContainText("Trừ vào tiền mua tài sản");
  await step(page, "Thanh toán tiền mua, phân chia tiền", "20/11/2026", async (f) => {
    await f.getByLabel("Chi phí thi hành án (đồng)").fill("50.000.000");
    await f.getByLabel(/Hàng ưu tiên của khoản O1/).selectOption("secured");
  });
  // Costs first, then the bank from its own collateral, the rest back to the debtor.
  const rows = page.getByTestId("distribution-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-rank", "costs");
  await expect(rows.nth(0).getByTestId("distribution-amount")).toHaveText("50.000.000 ₫");
  await expect(rows.nth(1)).toHaveAttribute("data-rank", "secured");
  await expect(rows.nth(1).getByTestId("distribution-amount")).toHaveText("1.500.000.000 ₫");
  await expect(rows.nth(2)).toHaveAttribute("data-rank", "debtor");
  await expect(rows.nth(2).getByTestId("distribution-amount")).toHaveText("300.000.000 ₫");
  await step(page, "Giao tài sản cho người mua", "21/11/2026");
  await expect(page.getByTestId("asset-status")).toHaveText("Đã giao cho người mua");

  // The proceeds are in the case's collections, as a receipt of auction proceeds.
  await page.goto(caseUrl);
  await expect(page.getByTestId("money-collected")).toHaveText("1.500.000.000 ₫");
  await expect(page.getByTestId("money-outstanding")).toHaveText("0 ₫");
  await expect(page.getByTestId("payment-row")).toHaveCount(1);
  await expect(page.getByTestId("payment-row")).toContainText("Tiền bán đấu giá tài sản");

  // The unit's lists: the asset (from the unit's page), and the calendar of November.
  await page.goto("/");
  await page.getByRole("link", { name: "Tài sản, đấu giá" }).click();
  await expect(page.getByTestId("asset-row").filter({ hasText: `Nhà xưởng ${run}` })).toHaveCount(1);
  await page.goto("/assets/calendar?month=2026-11");
  await expect(page.getByTestId("calendar-round").filter({ hasText: "P.2" }).first()).toBeVisible();
  await signOut(page);

  // Another province cannot open it.
  await signIn(page, "ha-noi.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/ha-noi$/);
  expect((await page.goto(assetUrl))?.status()).toBe(404);
});

test("the directorate and heads see the demo's long failure chains, with the price chart, read-only", async ({ page }) => {
  await signIn(page, "national.viewer@demo.thads.vn");
  await expect(page).toHaveURL(/\/national$/);
  await page.goto("/assets?stuck=1");
  const rows = page.getByTestId("asset-row");
  await expect(rows.first()).toBeVisible();
  const failed = await rows.locator("td:nth-child(8)").allTextContents();
  expect(failed.map(Number)).toEqual([...failed.map(Number)].sort((a, b) => b - a));
  expect(Math.min(...failed.map(Number))).toBeGreaterThanOrEqual(3);
  await rows.first().getByRole("link").click();
  await expect(page.getByTestId("chart-point")).toHaveCount(26);
  await expect(page.getByTestId("round-price").first()).toHaveText("150.000.000.000 ₫");
  await expect(page.getByTestId("round-price").last()).toHaveText("47.000.000.000 ₫");
  await expect(page.getByTestId("deposit-outcome")).toContainText("Không được nhận lại");
  await expect(page.getByRole("status")).toContainText("26 phiên đấu giá không thành");
  await expect(page.getByText("Bạn chỉ có quyền xem tài sản này.")).toBeVisible();
  await expect(page.locator("details[data-step]")).toHaveCount(0);
});
