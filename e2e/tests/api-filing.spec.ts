import { randomUUID } from "node:crypto";
import { expect, request as apiRequest, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const BANK_TAX_CODE = "0109990001";

test("a bank's system files an enforcement request through the API, once however often it retries, and bad filings write nothing", async ({
  page,
  baseURL,
}) => {
  const run = Date.now().toString(36).toUpperCase();
  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.goto("/creditor/tokens");
  const form = page.getByTestId("token-form");
  // Filing is not granted unless asked for.
  await expect(form.getByRole("checkbox", { name: "requests:write" })).not.toBeChecked();
  const makeToken = async (name: string, write: boolean) => {
    await form.getByLabel("Tên mã truy cập").fill(name);
    if (write) await form.getByRole("checkbox", { name: "requests:write" }).check();
    await page.getByTestId("token-create").click();
    const token = (await page.getByTestId("token-secret").innerText()).trim();
    await page.goto("/creditor/tokens");
    return token;
  };
  const writer = await makeToken(`Nộp hồ sơ ${run}`, true);
  const reader = await makeToken(`Chỉ đọc ${run}`, false);

  const offices = (await (await page.request.get("/api/v1/public/hai-phong/offices")).json()) as {
    data: { id: string; kind: string }[];
  };
  const bureau = offices.data.find((o) => o.kind === "province")!;
  expect(bureau).toBeTruthy();

  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${writer}` } });
  const count = async () => ((await (await api.get("/api/v1/creditor/requests")).json()) as { total: number }).total;
  const before = await count();
  const filing = {
    procedure: "enforcement_request",
    idempotencyKey: randomUUID(),
    unitId: bureau.id,
    requesterName: "Ngân hàng TMCP Demo",
    requesterIdNumber: BANK_TAX_CODE,
    requesterPhone: "02431234567",
    requesterAddress: "Số 1 Lý Thái Tổ, Hoàn Kiếm, Hà Nội",
    content: `Đề nghị ra quyết định thi hành án buộc trả nợ vay theo bản án ${run}.`,
    judgmentCourt: "Tòa án nhân dân thành phố Hải Phòng",
    judgmentNumber: `${run}/2026/KDTM-ST`,
    judgmentDate: "15/10/2026",
    debtorName: `Công ty TNHH Thép ${run}`,
    attachments: [{ name: "ban-an.pdf", contentBase64: PDF.toString("base64") }],
  };

  // Bad filings: the field is named, nothing is written.
  const bad = async (body: unknown, field: string) => {
    const r = await api.post("/api/v1/creditor/requests", { data: body });
    expect(r.status(), field).toBe(400);
    const e = (await r.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(e.error.code).toBe("invalid_request");
    expect(Object.keys(e.error.fields), field).toContain(field);
  };
  await bad({ ...filing, judgmentDate: "31/02/2026" }, "judgmentDate");
  await bad({ ...filing, procedure: "loan_request" }, "procedure");
  await bad({ ...filing, attachments: [] }, "attachments");
  await bad(
    { ...filing, attachments: [{ name: "x.exe", contentBase64: Buffer.from("MZ not a pdf").toString("base64") }] },
    "attachments.0",
  );
  await bad({ ...filing, requesterIdNumber: "001099000001" }, "requesterIdNumber");
  await bad({ ...filing, unitId: randomUUID() }, "unitId");
  const notJson = await api.post("/api/v1/creditor/requests", { headers: { "Content-Type": "text/plain" }, data: "procedure=x" });
  expect(notJson.status()).toBe(415);
  expect(await count()).toBe(before);

  // Filed, then retried with the same key: one request, the same code.
  const first = await api.post("/api/v1/creditor/requests", { data: filing });
  expect(first.status()).toBe(201);
  const code = ((await first.json()) as { data: { trackingCode: string; retried: boolean } }).data.trackingCode;
  const again = await api.post("/api/v1/creditor/requests", { data: filing });
  expect(again.status()).toBe(200);
  expect(((await again.json()) as { data: { trackingCode: string; retried: boolean } }).data).toMatchObject({
    trackingCode: code,
    retried: true,
  });
  expect(await count()).toBe(before + 1);
  // The same key with another request is refused, and files nothing.
  const reused = await api.post("/api/v1/creditor/requests", { data: { ...filing, content: `${filing.content} Bổ sung.` } });
  expect(reused.status()).toBe(409);
  expect(await count()).toBe(before + 1);
  const listed = (await (await api.get("/api/v1/creditor/requests")).json()) as {
    data: { tracking_code: string; status: string; own: boolean }[];
  };
  expect(listed.data.find((r) => r.tracking_code === code)).toMatchObject({ status: "submitted", own: true });
  await api.dispose();

  // A read-only token, and the browser session, file nothing.
  const ro = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${reader}` } });
  const refused = await ro.post("/api/v1/creditor/requests", { data: { ...filing, idempotencyKey: randomUUID() } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("insufficient_scope");
  await ro.dispose();
  const bySession = await page.request.post("/api/v1/creditor/requests", { data: { ...filing, idempotencyKey: randomUUID() } });
  expect(bySession.status()).toBe(403);

  // The bank's home lists the request it filed through the API.
  await page.goto("/requests");
  const shown = new RegExp(code.split("").join("[^A-Z0-9]?"));
  await expect(page.getByTestId("my-requests").locator("li").filter({ hasText: shown })).toHaveCount(1);
});
