import { expect, test, type Page } from "@playwright/test";
import { signIn as signInForm, signOut } from "./helpers.ts";

const CLERK = "hai-phong.kv01.clerk@demo.thads.vn";
const PROVINCE_HEAD = "hai-phong.head@demo.thads.vn";
const KV01 = "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng";
const PROVINCE = "Thi hành án dân sự thành phố Hải Phòng";

/** Signs in and waits for the home page, so the next navigation carries the session. */
async function signIn(page: Page, email: string) {
  await signInForm(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

/** dd/mm/yyyy of today, shifted by `days`, in Vietnam's time zone. */
function viDay(days = 0): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** Registers a letter at the desk and returns its tracking code. */
async function register(page: Page, summary: string, caseNumber?: string): Promise<string> {
  await page.goto("/complaints/new");
  if (caseNumber) await page.getByLabel("Số việc thi hành án liên quan (cách nhau bởi dấu phẩy)").fill(caseNumber);
  await page.getByLabel("Họ tên người gửi đơn").fill("Phạm Thị Lan");
  await page.getByLabel("Số điện thoại người gửi").fill("0912 345 678");
  await page.getByLabel("Trích yếu").fill(summary);
  await page.getByLabel("Nội dung đơn").fill("Tôi khiếu nại quyết định cưỡng chế kê biên nhà ở của tôi.");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  // The letter's page names it "… · <tracking code>" once it has rendered.
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(" · ");
  return (await heading.innerText()).split(" · ")[1]!.trim();
}

async function classifyCoercion(page: Page, actKnownOn: string) {
  const form = page.getByTestId("classify-form");
  await form.getByLabel("Loại đơn").selectOption("complaint");
  await form.getByLabel("Đơn vị có quyết định, hành vi bị khiếu nại, tố cáo").selectOption({ label: KV01 });
  await form.getByLabel("Người có quyết định, hành vi").selectOption("head");
  await form.getByLabel("Loại quyết định, hành vi").selectOption("coercion");
  await form.getByLabel("Ngày nhận quyết định / biết hành vi (dd/mm/yyyy)").fill(actKnownOn);
  await page.getByTestId("classify-submit").click();
}

test("a complaint about a coercion received at the desk is routed to the province head, resolved on time and counted", async ({ page }) => {
  await signIn(page, CLERK);
  // Bad input: the fields are named and nothing is written.
  await page.goto("/complaints/new");
  await page.getByTestId("register-submit").click();
  await expect(page.getByText("Họ tên người gửi đơn: bắt buộc nhập.")).toBeVisible();

  // About a case of the office.
  await page.goto("/cases?unit=P-HAI-PHONG-KV01");
  const caseLink = page.getByTestId("case-row").first().getByRole("link").first();
  const caseNumber = (await caseLink.innerText()).trim();
  const caseHref = (await caseLink.getAttribute("href"))!;
  const code = await register(page, "Khiếu nại quyết định cưỡng chế kê biên", caseNumber);
  await classifyCoercion(page, viDay(-3));
  await expect(page.getByTestId("letter-status")).toHaveText("Đã phân loại");
  await expect(page.getByTestId("letter-level")).toContainText("Thủ trưởng cơ quan THADS tỉnh");
  await expect(page.getByTestId("letter-late")).toHaveCount(0);
  await signOut(page);

  await signIn(page, PROVINCE_HEAD);
  await page.goto("/complaints?status=all");
  const row = page.getByTestId("complaint-row").filter({ hasText: code });
  await expect(row).toContainText(PROVINCE);
  await row.getByRole("link", { name: code }).click();
  await page.getByTestId("accept-form").getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill(viDay());
  await page.getByTestId("accept-submit").click();
  await expect(page.getByTestId("letter-status")).toHaveText("Đã thụ lý");
  const form = page.getByTestId("resolve-form");
  await form.getByLabel("Ngày giải quyết (dd/mm/yyyy)").fill(viDay());
  await form.getByLabel("Kết quả giải quyết").selectOption("partly_upheld");
  await form.getByLabel("Số quyết định giải quyết").fill("15/QĐ-GQKN");
  await form.getByLabel("Ảnh hưởng đến việc thi hành án").selectOption("step_redone");
  await form.getByLabel("Bước thi hành án bị hủy / làm lại").fill("Kê biên lại tài sản");
  await page.getByTestId("resolve-submit").click();
  await expect(page.getByTestId("letter-status")).toHaveText("Đã giải quyết");

  // The case's timeline shows the letter, its resolution and the step to be redone.
  await page.goto(caseHref);
  const shown = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;
  await expect(page.getByTestId("timeline-letter").filter({ hasText: shown })).toHaveCount(1);
  await expect(page.getByTestId("timeline-letter-resolved").filter({ hasText: shown })).toContainText("Đúng một phần");
  await expect(page.getByTestId("timeline-letter-resolved").filter({ hasText: shown }).getByTestId("timeline-case-effect")).toHaveText(
    "Thực hiện lại bước thi hành án: Kê biên lại tài sản",
  );

  // In the province's complaint statistics: the on-time figure opens the letters it counts, this one among them.
  await page.goto("/complaints");
  const stats = page.getByTestId("stats-row").filter({ hasText: PROVINCE });
  const onTime = Number(await stats.getByTestId("stat-on_time").innerText());
  expect(onTime).toBeGreaterThan(0);
  await stats.getByTestId("stat-on_time").click();
  await expect(page.getByTestId("complaint-row")).toHaveCount(Math.min(onTime, 200));
  await expect(page.getByTestId("complaint-row").filter({ hasText: code })).toHaveCount(1);
});

test("a complaint filed after the time to complain is flagged with the article", async ({ page }) => {
  await signIn(page, CLERK);
  await register(page, "Khiếu nại cưỡng chế đã lâu");
  await classifyCoercion(page, viDay(-90));
  await expect(page.getByTestId("letter-late")).toContainText("Law 106/2025/QH15, Art. 96(2)(c)");
});

test("a complaint taken in at the one-stop desk is registered once as a complaint letter", async ({ page }) => {
  const name = `Đỗ Văn Khiếu ${Date.now()}`;
  await signIn(page, CLERK);
  await page.goto("/desk");
  await page.getByRole("link", { name: "Nhận hồ sơ tại quầy" }).click();
  await page.getByRole("link", { name: "Khiếu nại về thi hành án" }).click();
  await page.getByLabel("Nơi nhận yêu cầu").selectOption({ label: KV01 });
  await page.getByLabel("Họ tên người yêu cầu").fill(name);
  await page.getByLabel("Số điện thoại").fill("0987654321");
  await page.getByLabel("Quyết định, hành vi bị khiếu nại / người bị tố cáo").fill("Việc chấp hành viên chậm kê biên tài sản");
  await page.getByLabel("Địa chỉ người yêu cầu").fill("Số 9 Trần Phú, Hải Phòng");
  await page.getByLabel("Nội dung yêu cầu").fill("Khiếu nại việc chấp hành viên chậm kê biên tài sản.");
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();

  await page.goto("/desk");
  await page.getByTestId("desk-row").filter({ hasText: code }).getByRole("link").click();
  await expect(page).toHaveURL(/\/desk\/[0-9a-f-]{36}$/);
  const requestUrl = page.url();
  // Received first; only then may it be registered.
  await expect(page.getByTestId("request-to-letter")).toHaveCount(0);
  await page.getByRole("button", { name: "Tiếp nhận" }).click();
  await page.getByTestId("request-to-letter").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("letter-sender")).toContainText(name);
  await expect(page.getByTestId("letter-status")).toHaveText("Mới nhận");

  // Once registered, the request links to its letter instead of offering it again: one letter for one request.
  const letterUrl = page.url();
  await page.goto(requestUrl);
  await expect(page.getByTestId("request-to-letter")).toHaveCount(0);
  await page.getByTestId("request-letter").click();
  await expect(page).toHaveURL(letterUrl);
  // The register finds it by its tracking code, once.
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const letterCode = title.split("·").at(-1)!.trim();
  await page.goto("/complaints");
  await page.getByTestId("complaint-search").fill(letterCode);
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page.getByTestId("complaint-row")).toHaveCount(1);
  await expect(page.getByTestId("complaint-row")).toContainText(letterCode);

  // The requester, tracking the request with its code and phone, sees the letter it became.
  await signOut(page);
  await page.goto("/p/hai-phong/track");
  await page.getByLabel("Mã tra cứu").fill(code);
  await page.getByLabel("Số điện thoại hoặc số CCCD đã khai").fill("0987654321");
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page.getByTestId("tracked-letter-status")).toHaveText("Mới nhận");
  await expect(page.getByTestId("tracked-letter")).toContainText(letterCode.replace(/^(.{4})(.{4})(.{4})/, "$1-$2-$3-"));
});

test("read in English, the register's field errors say what is wrong in English", async ({ page }) => {
  await signIn(page, CLERK);
  await page.goto("/complaints/new");
  // In Vietnamese the message names the field.
  await page.getByTestId("register-submit").click();
  await expect(page.locator("#senderName-error")).toHaveText("Họ tên người gửi đơn: bắt buộc nhập.");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Tiếng Việt" })).toBeVisible();
  await page.goto("/complaints/new");
  await page.getByLabel("Received on (dd/mm/yyyy)").fill("31/02/2026");
  await page.getByTestId("register-submit").click();
  await expect(page.locator("#senderName-error")).toHaveText("Required.");
  await expect(page.locator("#senderName-error")).toHaveAttribute("lang", "en");
  await expect(page.locator("#receivedOn-error")).toHaveText("Not a valid date: type it as dd/mm/yyyy (e.g. 05/11/2026).");
});

test("a reception session is recorded once and counts the letters received at it", async ({ page }) => {
  await signIn(page, CLERK);
  await page.goto("/complaints");
  await page.getByTestId("sessions-link").click();
  await expect(page).toHaveURL(/\/complaints\/sessions$/);
  const today = await page.getByLabel("Ngày tiếp (dd/mm/yyyy)").inputValue();
  // A bad count is refused, the field named.
  await page.getByLabel("Số lượt công dân được tiếp").fill("-3");
  await page.getByRole("button", { name: "Ghi nhận", exact: true }).click();
  await expect(page.locator("#citizens-error")).toHaveText("Số lượt công dân được tiếp: ít nhất 0.");
  await page.getByLabel("Hình thức tiếp").selectOption("head_day");
  const citizens = String(100 + (Date.now() % 9000));
  await page.getByLabel("Số lượt công dân được tiếp").fill(citizens);
  await page.getByRole("button", { name: "Ghi nhận", exact: true }).click();
  await expect(page.getByTestId("session-saved")).toBeVisible();
  const shown = Number(citizens).toLocaleString("vi-VN");
  const row = page.getByTestId("session-row").filter({ hasText: today }).filter({ hasText: shown });
  await expect(row).toHaveCount(1);
  const letters = Number(await row.getByTestId("session-letters").innerText());

  // A letter received at it.
  await page.goto("/complaints/new");
  const label = await page
    .getByLabel("Nhận tại buổi tiếp công dân")
    .locator("option", { hasText: `Thủ trưởng tiếp công dân` })
    .filter({ hasText: ` ${shown} lượt` })
    .first()
    .textContent();
  await page.getByLabel("Nhận tại buổi tiếp công dân").selectOption({ label: label! });
  await page.getByLabel("Họ tên người gửi đơn").fill(`Lê Thị Tiếp ${Date.now()}`);
  await page.getByLabel("Số điện thoại người gửi").fill("0911222333");
  await page.getByLabel("Trích yếu").fill("Khiếu nại việc chậm trả tiền");
  await page.getByLabel("Nội dung đơn").fill("Đề nghị trả tiền thi hành án đã thu.");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  await page.goto("/complaints/sessions");
  await expect(row.getByTestId("session-letters")).toHaveText(String(letters + 1));
});

test("the national dashboard ranks the provinces by complaints resolved on time; each province's figure opens exactly its letters, and adds up to its offices'", async ({
  page,
}) => {
  const count = async (cell: import("@playwright/test").Locator) => Number((await cell.innerText()).replace(/\D/g, ""));
  await signIn(page, "national.admin@demo.thads.vn");
  await page.goto("/national");
  const ranking = page.getByTestId("complaint-ranking");
  const rows = ranking.getByTestId("stats-row");
  await expect(rows).toHaveCount(34);
  // Ranked by the share resolved on time, those that resolved nothing last.
  const shares = (await rows.getByTestId("stat-on-time-share").allInnerTexts()).map((t) =>
    /\d/.test(t) ? Number(t.replace("%", "").replace(/\./g, "").replace(",", ".")) : null,
  );
  const known = shares.filter((s): s is number => s !== null);
  expect(known.length).toBeGreaterThan(0);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(shares.slice(known.length).every((s) => s === null)).toBe(true);

  const hp = rows.filter({ hasText: PROVINCE });
  const figures = { received: await count(hp.getByTestId("stat-received")), onTime: await count(hp.getByTestId("stat-on_time")) };
  expect(figures.received).toBeGreaterThan(0);
  await hp.getByTestId("stat-received").click();
  await expect(page).toHaveURL(/\/complaints\?.*province=[0-9a-f-]{36}.*figure=received/);
  await expect(page.getByTestId("complaint-row")).toHaveCount(Math.min(figures.received, 200));
  await signOut(page);

  // The province's dashboard shows its offices' figures; they add up to the province's in the ranking.
  await signIn(page, PROVINCE_HEAD);
  await page.goto("/province/hai-phong");
  const offices = page.getByTestId("province-complaints").getByTestId("stats-row");
  await expect(offices.first()).toBeVisible();
  let received = 0;
  let onTime = 0;
  for (const row of await offices.all()) {
    received += await count(row.getByTestId("stat-received"));
    onTime += await count(row.getByTestId("stat-on_time"));
  }
  expect({ received, onTime }).toEqual(figures);
});

test("a letter received twice is linked to the first as a duplicate, shown on both letters; a wrong code names the field", async ({
  page,
}) => {
  await signIn(page, CLERK);
  const first = await register(page, "Khiếu nại việc chậm trả tiền thi hành án");
  const firstUrl = page.url();
  const second = await register(page, "Khiếu nại việc chậm trả tiền thi hành án (gửi lại)");
  const form = page.getByTestId("link-form");
  await form.getByLabel("Mã theo dõi của đơn liên quan").fill("ZZZZ-ZZZZ-ZZZZ-Z");
  await page.getByTestId("link-submit").click();
  await expect(form.getByText("Mã theo dõi của đơn liên quan: không tìm thấy đơn có mã này.")).toBeVisible();
  await expect(page.getByTestId("related-letters")).toHaveCount(0);

  await form.getByLabel("Quan hệ với đơn khác").selectOption("duplicate");
  await form.getByLabel("Mã theo dõi của đơn liên quan").fill(first);
  await page.getByTestId("link-submit").click();
  await expect(page.getByTestId("related-duplicate_of")).toContainText(first);
  await page.goto(firstUrl);
  await expect(page.getByTestId("related-duplicated_by")).toContainText(second);
});

test("a letter's documents are attached, listed and downloaded; a file that is not PDF or an image is refused", async ({ page }) => {
  await signIn(page, CLERK);
  await register(page, "Khiếu nại việc định giá tài sản kê biên");
  const form = page.getByTestId("attach-form");
  await form.getByLabel("Tên tài liệu").fill("Đơn khiếu nại bản giấy");
  await form.getByLabel("Tệp (PDF, PNG hoặc JPEG; tối đa 3 tệp, mỗi tệp 5 MB)").setInputFiles({
    name: "ghi-chu.txt",
    mimeType: "application/pdf",
    buffer: Buffer.from("not a pdf"),
  });
  await page.getByTestId("attach-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: "chỉ nhận tệp PDF, PNG hoặc JPEG" })).toBeVisible();
  await expect(page.getByTestId("letter-document")).toHaveCount(0);

  const pdf = Buffer.from("%PDF-1.4\n% đơn khiếu nại\n");
  await form.getByLabel("Tên tài liệu").fill("Đơn khiếu nại bản giấy");
  await form.getByLabel("Tệp (PDF, PNG hoặc JPEG; tối đa 3 tệp, mỗi tệp 5 MB)").setInputFiles({
    name: "don-khieu-nai.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await page.getByTestId("attach-submit").click();
  const doc = page.getByTestId("letter-document");
  await expect(doc).toHaveCount(1);
  await expect(doc).toContainText("don-khieu-nai.pdf");
  const href = (await doc.getByRole("link").getAttribute("href"))!;
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.compare(await res.body(), pdf)).toBe(0);
});
