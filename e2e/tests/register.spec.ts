import { expect, test, type Page } from "@playwright/test";
import { stableUuid } from "@thads/demo-data/prng";
import { addWorkingDays, formatDateVi, parseDateVi, periodEnd, rulesFor } from "@thads/domain";
import { signIn, signOut, recordStep as step } from "./helpers.ts";

/*
 * What becomes of a case that stays not yet enforceable: under the old rules it moves to the
 * separate register (D62 Art. 9(5)) and leaves the active workload until new information reopens
 * it; under the 2026 rules the request of a case on request is returned after two years
 * (L106 Art. 38(4); D152 Art. 22(2)).
 */
const CLERK = "hai-phong.kv01.clerk@demo.thads.vn";
const EXECUTOR = "hai-phong.kv01.executor@demo.thads.vn";
const HEAD = "hai-phong.kv01.head@demo.thads.vn";
const executorId = stableUuid(`user:${EXECUTOR}`);
const run = Date.now().toString(36).toUpperCase();

/**
 * Due date of the step ending a not-yet-enforceable road: `months` after the not-yet-enforceable
 * decision of `since` (dd/mm/yyyy), then `workingDays` working days.
 */
function registerDue(since: string, months: number, workingDays: number): string {
  const iso = parseDateVi(since);
  return formatDateVi(addWorkingDays(periodEnd(iso, { unit: "months", amount: months }, rulesFor(iso)), workingDays));
}

async function takeIn(page: Page, number: string, acceptedOn: string, judgmentOn: string) {
  await page.goto("/cases/new");
  await page.getByLabel("Số thụ lý / số quyết định").fill(number);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill(acceptedOn);
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("60.000.000");
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`${number}/DS-ST`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill(judgmentOn);
  await page
    .getByRole("group", { name: "Người được thi hành án" })
    .getByLabel("Họ tên / tên tổ chức")
    .fill("Công ty TNHH Vận tải Biển Đông");
  const debtor = page.getByRole("group", { name: "Người phải thi hành án" });
  await debtor.getByLabel("Họ tên / tên tổ chức").fill(`Phạm Văn Sổ ${run}`);
  await debtor.getByLabel("Số CCCD / mã số doanh nghiệp").fill("031088001234");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

const classify = (page: Page, date: string) =>
  step(page, "Phân loại điều kiện thi hành án", date, async (f) => {
    await f.getByLabel("Kết quả").selectOption("not_yet_enforceable");
  });

/** A case on request taken in, decided, assigned and notified; the executor is left signed in on its page. */
async function caseOnRequest(
  page: Page,
  number: string,
  dates: { accepted: string; judgment: string; decision: string; assigned: string; notified: string },
) {
  await signIn(page, CLERK);
  await expect(page).toHaveURL(/\/unit\//);
  const id = await takeIn(page, number, dates.accepted, dates.judgment);
  await step(page, "Ra quyết định thi hành án", dates.decision, async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`${number}/QĐ-THADS`);
    await f.getByLabel("Hình thức").selectOption("on_request");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("60.000.000");
  });
  await signOut(page);
  await signIn(page, HEAD);
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(`/cases/${id}`);
  await step(page, "Phân công chấp hành viên", dates.assigned, async (f) => {
    await f.getByLabel("Chấp hành viên").selectOption(executorId);
  });
  await signOut(page);
  await signIn(page, EXECUTOR);
  await expect(page).toHaveURL(/\/worklist$/);
  await page.goto(`/cases/${id}`);
  await step(page, "Thông báo thi hành án", dates.notified);
  return id;
}

/** The office's dashboard counts: cases open in the active workload, and in the separate register. */
async function officeCounts(page: Page, officeUrl: string) {
  await page.goto(officeUrl);
  const count = async (testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ""));
  return { open: await count("stat-open"), register: await count("stat-register") };
}

test("old rules: a case not yet enforceable for a year moves to the separate register, leaves the workload, and new information brings it back", async ({
  page,
}) => {
  const id = await caseOnRequest(page, `REG-${run}-1`, {
    accepted: "04/03/2024",
    judgment: "15/02/2024",
    decision: "06/03/2024",
    assigned: "07/03/2024",
    notified: "08/03/2024",
  });
  const since = "26/03/2024";
  await step(page, "Xác minh điều kiện thi hành án", "25/03/2024");
  await classify(page, since);
  await expect(page.getByTestId("case-status")).toHaveText("Chưa có điều kiện thi hành");
  // Not yet verified twice since the decision: no register deadline yet.
  await expect(page.locator('[data-testid="deadline-row"][data-kind="separate_register"]')).toHaveCount(0);
  for (const [verified, classified] of [
    ["16/09/2024", "17/09/2024"],
    ["14/03/2025", "17/03/2025"],
  ] as const) {
    await step(page, "Xác minh điều kiện thi hành án", verified);
    await classify(page, classified);
  }
  // After the second verification the periodic re-verification stops; new information is verified
  // within 10 days of it (D62 Art. 9(4) ¶2).
  await step(page, "Tiếp nhận thông tin mới về điều kiện thi hành án", "20/03/2025", async (f) => {
    await f
      .getByLabel("Thông tin mới về điều kiện thi hành án (và người cung cấp)")
      .fill("Người được thi hành án báo người phải thi hành án vừa nhận chuyển nhượng một xe ô tô.");
  });
  const toldOn = parseDateVi("20/03/2025");
  await expect(page.locator('[data-testid="deadline-row"][data-kind="new_information_verification"]')).toContainText(
    formatDateVi(periodEnd(toldOn, { unit: "days", amount: 10 }, rulesFor(toldOn))),
  );
  await expect(page.locator('[data-testid="timeline"] li[data-kind="new_information"]')).toContainText(
    "vừa nhận chuyển nhượng một xe ô tô",
  );
  await expect(page.getByTestId("case-status")).toHaveText("Chưa có điều kiện thi hành");
  // Verified (the car had been sold on): still not yet enforceable, and the register may follow.
  await step(page, "Xác minh điều kiện thi hành án", "24/03/2025");
  await classify(page, "24/03/2025");
  // Verified at least twice within the year: due 3 working days after the year from the decision (D62 Art. 9(5)).
  const due = registerDue(since, 12, 3);
  // The case page says why and when, with the decree's article.
  await expect(page.getByTestId("register-reason")).toContainText(`Chưa có điều kiện thi hành từ ${since}`);
  await expect(page.getByTestId("register-reason")).toContainText("đã xác minh 3 lần");
  await expect(page.getByTestId("register-note")).toContainText("Nghị định 62/2015/NĐ-CP, Điều 9");
  const deadline = page.locator('[data-testid="deadline-row"][data-kind="separate_register"]');
  await expect(deadline).toContainText("Hạn chuyển sổ theo dõi riêng");
  await expect(deadline).toContainText(due);
  // The executor is not offered the move: the head records it.
  await expect(page.locator('details[data-step="register_transfer"]')).toHaveCount(0);
  await signOut(page);

  await signIn(page, HEAD);
  await expect(page).toHaveURL(/\/unit\//);
  const office = new URL(page.url()).pathname;
  const before = await officeCounts(page, office);
  await page.goto(`/cases/${id}`);
  await expect(page.locator('details[data-step="request_returned"]')).toHaveCount(0);
  await step(page, "Chuyển sổ theo dõi riêng", due);
  await expect(page.getByTestId("case-status")).toHaveText("Sổ theo dõi riêng");
  await expect(page.getByTestId("register-reason")).toContainText(`Chuyển sổ theo dõi riêng ngày ${due}`);
  await expect(deadline).toContainText(`Đã thực hiện ${due}`);
  await expect(page.getByTestId("timeline")).toContainText("Chuyển sổ theo dõi riêng");
  const registered = await officeCounts(page, office);
  expect(registered).toEqual({ open: before.open - 1, register: before.register + 1 });

  // A reopening needs the new information; with it, the case is back, not yet enforceable.
  await page.goto(`/cases/${id}`);
  const reopening = page.locator('details[data-step="register_reopening"]');
  await reopening.locator("summary").click();
  await reopening.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill("10/11/2026");
  await reopening.getByRole("button", { name: "Ghi nhận: Xác minh lại khi có thông tin mới" }).click();
  await expect(reopening.getByRole("alert")).toContainText("Thông tin mới về điều kiện thi hành án");
  await page.goto(`/cases/${id}`);
  await step(page, "Xác minh lại khi có thông tin mới", "10/11/2026", async (f) => {
    await f
      .getByLabel("Thông tin mới về điều kiện thi hành án (và người cung cấp)")
      .fill("Người được thi hành án cho biết người phải thi hành án có tài khoản tại ngân hàng TMCP Ngoại thương.");
  });
  await expect(page.getByTestId("case-status")).toHaveText("Chưa có điều kiện thi hành");
  await expect(page.getByTestId("register-reason")).toContainText("Đưa trở lại từ sổ theo dõi riêng ngày 10/11/2026");
  // The information of 20/03/2025 was verified on 24/03/2025; this one is due now.
  const newInformation = page.locator('[data-testid="deadline-row"][data-kind="new_information_verification"]');
  await expect(newInformation).toHaveCount(2);
  await expect(newInformation.first()).toContainText("Đã thực hiện 24/03/2025");
  await expect(newInformation.last()).toBeVisible();
  expect(await officeCounts(page, office)).toEqual(before);
});

test("2026 rules: a case on request decided not yet enforceable from 01/07/2026 is returned two years later and leaves the workload", async ({
  page,
}) => {
  const id = await caseOnRequest(page, `REG-${run}-2`, {
    accepted: "01/07/2026",
    judgment: "20/06/2026",
    decision: "03/07/2026",
    assigned: "06/07/2026",
    notified: "07/07/2026",
  });
  const since = "21/07/2026";
  await step(page, "Xác minh điều kiện thi hành án", "20/07/2026");
  await classify(page, since);
  await step(page, "Xác minh điều kiện thi hành án", "20/11/2026");
  await classify(page, "23/11/2026");
  // Verified since the decision: the request is returned on the first working day after two years
  // (L106 Art. 38(4)); the case does not go to the separate register.
  const deadline = page.locator('[data-testid="deadline-row"][data-kind="request_return"]');
  await expect(deadline).toContainText("Hạn gửi lại yêu cầu thi hành án");
  await expect(deadline).toContainText(registerDue(since, 24, 1));
  await expect(page.locator('[data-testid="deadline-row"][data-kind="separate_register"]')).toHaveCount(0);
  await signOut(page);

  // The head is not offered the return before the two years are over; posted anyway, the form
  // needs the procuracy notified, and the law refuses it until then.
  await signIn(page, HEAD);
  await expect(page).toHaveURL(/\/unit\//);
  const office = new URL(page.url()).pathname;
  await page.goto(`/cases/${id}`);
  await expect(page.locator('details[data-step="request_returned"]')).toHaveCount(0);
  await expect(page.locator('details[data-step="register_transfer"]')).toHaveCount(0);
  const form = {
    csrf: await page.locator('input[name="csrf"]').first().inputValue(),
    intent: "request_returned",
    version: await page.locator('details[data-step] input[name="version"]').first().inputValue(),
    idempotencyKey: crypto.randomUUID(),
    effectiveDate: "04/12/2026",
    noticeNumber: `${run}/TB-THADS`,
  };
  const headers = { Origin: `http://localhost:${process.env.E2E_PORT ?? 3100}` };
  const unnotified = await page.request.post(`/cases/${id}`, { form, headers, maxRedirects: 0 });
  expect(unnotified.status()).toBe(400);
  expect(await unnotified.text()).toContain("Viện kiểm sát");
  const early = await page.request.post(`/cases/${id}`, {
    form: { ...form, procuracyNotified: "on", idempotencyKey: crypto.randomUUID() },
    headers,
    maxRedirects: 0,
  });
  expect(early.status()).toBe(422);
  expect(await early.text()).toContain("chưa hết thời hạn 2 năm");
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId("case-status")).toHaveText("Chưa có điều kiện thi hành");

  // Two years on: the rehearsal server beside the real one runs on 01/08/2028 (REHEARSAL_TODAY in
  // playwright.config.ts), the same database. The head is offered the return, records it, and the
  // case ends and leaves the office's workload.
  const rehearsal = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
  await expect
    .poll(async () => (await page.request.get(`${rehearsal}/healthz`).catch(() => null))?.status(), { timeout: 60_000 })
    .toBe(200);
  const before = await officeCounts(page, `${rehearsal}${office}`);
  await page.goto(`${rehearsal}/cases/${id}`);
  await expect(page.getByTestId("simulated-today")).toContainText("01/08/2028");
  await expect(deadline).toContainText(registerDue(since, 24, 1));
  await step(page, "Gửi lại yêu cầu thi hành án", "01/08/2028", async (f) => {
    await f.getByLabel("Số thông báo gửi lại yêu cầu thi hành án").fill(`${run}/TB-THADS`);
    await f.getByLabel("Đã gửi thông báo cho Viện kiểm sát").check();
  });
  await expect(page.getByTestId("case-status")).toHaveText("Đã gửi lại yêu cầu thi hành án");
  await expect(page.getByTestId("timeline")).toContainText(`${run}/TB-THADS`);
  await expect(page.locator("details[data-step]")).toHaveCount(0);
  expect(await officeCounts(page, `${rehearsal}${office}`)).toEqual({ open: before.open - 1, register: before.register });
  // The real server (today) shows the same end: the ledger is one.
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId("simulated-today")).toHaveCount(0);
  await expect(page.getByTestId("case-status")).toHaveText("Đã gửi lại yêu cầu thi hành án");
});
