import { expect, request as apiRequest, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

test("a bank creates an API token, reads its cases of Hải Phòng and Hà Nội through the API, and the token is refused once revoked", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.getByTestId("my-tokens-link").click();
  await expect(page).toHaveURL(/\/creditor\/tokens$/);
  const form = page.getByTestId("token-form");

  // Bad input: the field is named, nothing is created.
  await form.getByLabel("Ngày hết hạn (dd/mm/yyyy; để trống: 90 ngày, tối đa một năm)").fill("31/02/2027");
  await page.getByTestId("token-create").click();
  await expect(form.getByText("Tên mã truy cập: bắt buộc nhập.")).toBeVisible();
  await expect(form.getByText(/^Ngày hết hạn: /)).toBeVisible();
  const rowsBefore = await page.getByTestId("token-row").count();

  const name = `Hệ thống thu hồi nợ ${Date.now().toString(36)}`;
  await form.getByLabel("Tên mã truy cập").fill(name);
  await form.getByLabel("Ngày hết hạn (dd/mm/yyyy; để trống: 90 ngày, tối đa một năm)").fill("");
  await page.getByTestId("token-create").click();
  const token = (await page.getByTestId("token-secret").innerText()).trim();
  expect(token).toMatch(/^thads_pat_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("token-row")).toHaveCount(rowsBefore + 1);

  // A client with the token only (no cookie).
  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const cases = await api.get("/api/v1/creditor/cases");
  expect(cases.status()).toBe(200);
  const body = (await cases.json()) as { data: { province_name: string }[]; total: number };
  expect(body.total).toBeGreaterThan(0);
  expect(body.data.some((c) => c.province_name.includes("Hải Phòng"))).toBe(true);
  expect(body.data.some((c) => c.province_name.includes("Hà Nội"))).toBe(true);
  expect((await api.get("/api/v1/creditor/requests")).status()).toBe(200);
  const notices = await api.get("/api/v1/creditor/notifications?limit=50");
  expect(notices.status()).toBe(200);
  expect(Array.isArray(((await notices.json()) as { data: unknown[] }).data)).toBe(true);
  expect((await api.get("/api/v1/creditor/notifications?since=yesterday")).status()).toBe(400);
  // The staff's endpoints are not the token's.
  expect((await api.get("/api/v1/cases")).status()).toBe(403);
  // The list shows when it was last used.
  await page.reload();
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row.locator("td").nth(5)).not.toHaveText("—");

  await row.getByTestId("token-revoke").click();
  await expect(page.getByTestId("token-row").filter({ hasText: name }).getByTestId("token-revoked")).toBeVisible();
  const after = await api.get("/api/v1/creditor/cases");
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  await api.dispose();

  // The API's description is served, with the creditor endpoints.
  const doc = (await (await page.request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/creditor/cases");
  await signOut(page);

  // A citizen's account gets no token form.
  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.goto("/creditor/tokens");
  await expect(page.getByTestId("token-not-allowed")).toBeVisible();
  await expect(page.getByTestId("token-form")).toHaveCount(0);
});
