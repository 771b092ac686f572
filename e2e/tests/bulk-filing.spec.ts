import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HEADER = "noi_nhan,toa_an,so_ban_an,ngay_ban_an,nguoi_phai_thi_hanh,dia_chi_nguoi_phai,noi_dung,tep_ban_an";

test("a bank files enforcement requests in Hải Phòng and Hà Nội from one file: every row checked first, each judgment filed once", async ({
  page,
}) => {
  const run = Date.now().toString(36).toUpperCase();
  const csv = (rows: string[][]) => Buffer.from(`\uFEFF${[HEADER, ...rows.map((r) => r.map((c) => `"${c}"`).join(","))].join("\r\n")}\r\n`);
  const rowHp = [
    "P-HAI-PHONG-KV01",
    "Tòa án nhân dân thành phố Hải Phòng",
    `${run}-1/2026/KDTM-ST`,
    "15/10/2026",
    `Công ty Hải Âu ${run}`,
    "",
    "Đề nghị ra quyết định thi hành án buộc trả nợ vay.",
    "ban-an-1.pdf",
  ];
  const rowHn = [
    "P-HA-NOI",
    "Tòa án nhân dân thành phố Hà Nội",
    `${run}-2/2026/KDTM-PT`,
    "01/11/2026",
    `Công ty Sông Hồng ${run}`,
    "",
    "Đề nghị ra quyết định thi hành án buộc trả nợ vay.",
    "ban-an-2.pdf",
  ];

  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.getByTestId("my-filings-link").click();
  await expect(page).toHaveURL(/\/creditor\/filings$/);
  // The template downloads.
  const template = await page.request.get("/creditor/filings/template?format=csv");
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("noi_nhan");

  const form = page.getByTestId("filing-form");
  const upload = async (rows: string[][], files: string[]) => {
    await form
      .getByLabel("Tệp danh sách (.xlsx hoặc .csv)")
      .setInputFiles({ name: "danh-sach.csv", mimeType: "text/csv", buffer: csv(rows) });
    await form.getByLabel(/^Bản sao bản án/).setInputFiles(files.map((name) => ({ name, mimeType: "application/pdf", buffer: PDF })));
    await page.getByTestId("filing-submit").click();
  };
  await form.getByLabel("Số điện thoại").fill("02431234567");
  await form.getByLabel("Địa chỉ").fill("Số 1 Lý Thái Tổ, Hoàn Kiếm, Hà Nội");

  // One row names a file that was not uploaded, another a date that does not exist: nothing is filed.
  await upload([rowHp, [...rowHn.slice(0, 3), "31/02/2026", ...rowHn.slice(4)]], ["ban-an-1.pdf"]);
  const errors = page.getByTestId("filing-error");
  await expect(errors).toHaveCount(2);
  await expect(errors.filter({ hasText: "ban-an-2.pdf" })).toContainText("3");
  await expect(errors.filter({ hasText: "Ngày bản án, quyết định" })).toBeVisible();
  await expect(page.getByTestId("filing-result")).toHaveCount(0);

  // Fixed: both filed, each with its tracking code.
  await form.getByLabel("Số điện thoại").fill("02431234567");
  await form.getByLabel("Địa chỉ").fill("Số 1 Lý Thái Tổ, Hoàn Kiếm, Hà Nội");
  await upload([rowHp, rowHn], ["ban-an-1.pdf", "ban-an-2.pdf"]);
  await expect(page.getByTestId("filing-result")).toContainText("Đã nộp 2 yêu cầu mới; 0 bản án đã nộp trước đó.");
  const codes = await page.getByTestId("filed-code").allInnerTexts();
  expect(codes).toHaveLength(2);

  // The same file again files nothing new: the same codes come back.
  await form.getByLabel("Số điện thoại").fill("02431234567");
  await form.getByLabel("Địa chỉ").fill("Số 1 Lý Thái Tổ, Hoàn Kiếm, Hà Nội");
  await upload([rowHp, rowHn], ["ban-an-1.pdf", "ban-an-2.pdf"]);
  await expect(page.getByTestId("filing-result")).toContainText("Đã nộp 0 yêu cầu mới; 2 bản án đã nộp trước đó.");
  expect(await page.getByTestId("filed-code").allInnerTexts()).toEqual(codes);

  // The requests are the bank's own, on its home page.
  await page.goto("/requests");
  for (const code of codes) await expect(page.getByTestId("my-requests").locator("li").filter({ hasText: code })).toHaveCount(1);

  // The bank's next filing starts from its own details: its tax code, and the contact details of its last request.
  await page.goto("/creditor/filings");
  await expect(form.getByLabel("Số CCCD / mã số doanh nghiệp đã liên kết")).toHaveValue("0109990001");
  await expect(form.getByLabel("Số điện thoại")).not.toHaveValue("");
  await expect(form.getByLabel("Địa chỉ")).not.toHaveValue("");
  await page.goto("/p/hai-phong/requests/new/yeu-cau-thi-hanh-an");
  await expect(page.getByLabel("Số CCCD / mã số doanh nghiệp")).toHaveValue("0109990001");
  await expect(page.getByLabel("Địa chỉ người yêu cầu")).not.toHaveValue("");
});
