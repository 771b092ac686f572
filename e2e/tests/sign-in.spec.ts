import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

const HOMES = [
  {
    email: "national.admin@demo.thads.vn",
    path: "/national",
    heading: "Toàn quốc",
    nav: ["Toàn quốc", "Việc thi hành án", "Khiếu nại, tố cáo"],
  },
  {
    email: "national.viewer@demo.thads.vn",
    path: "/national",
    heading: "Toàn quốc",
    nav: ["Toàn quốc", "Việc thi hành án", "Khiếu nại, tố cáo"],
  },
  {
    email: "hai-phong.head@demo.thads.vn",
    path: "/province/hai-phong",
    heading: "Thi hành án dân sự thành phố Hải Phòng",
    nav: ["THADS tỉnh", "Việc thi hành án", "Một cửa", "Khiếu nại, tố cáo"],
  },
  {
    email: "hai-phong.staff@demo.thads.vn",
    path: "/province/hai-phong",
    heading: "Thi hành án dân sự thành phố Hải Phòng",
    nav: ["THADS tỉnh", "Việc thi hành án", "Một cửa", "Khiếu nại, tố cáo"],
  },
  {
    email: "hai-phong.kv01.head@demo.thads.vn",
    path: "/unit/P-HAI-PHONG-KV01",
    heading: "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng",
    nav: ["Phòng THADS khu vực", "Việc thi hành án", "Một cửa", "Khiếu nại, tố cáo"],
  },
  {
    email: "hai-phong.kv01.executor@demo.thads.vn",
    path: "/worklist",
    heading: "Việc của tôi",
    nav: ["Việc của tôi", "Phòng THADS khu vực", "Việc thi hành án", "Khiếu nại, tố cáo"],
  },
  {
    email: "hai-phong.kv01.clerk@demo.thads.vn",
    path: "/unit/P-HAI-PHONG-KV01",
    heading: "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng",
    nav: ["Phòng THADS khu vực", "Việc thi hành án", "Một cửa", "Khiếu nại, tố cáo"],
  },
  { email: "hai-phong.steering@demo.thads.vn", path: "/steering", heading: "Ban Chỉ đạo THADS", nav: ["Ban Chỉ đạo"] },
  { email: "anticorruption.steering@demo.thads.vn", path: "/steering", heading: "Ban Chỉ đạo THADS", nav: ["Ban Chỉ đạo"] },
  {
    email: "creditor.bank@demo.thads.vn",
    path: "/requests",
    heading: "Yêu cầu thi hành án của tôi",
    nav: ["Yêu cầu của tôi", "Việc của tôi", /^Thông báo/],
  },
  {
    email: "creditor.citizen@demo.thads.vn",
    path: "/requests",
    heading: "Yêu cầu thi hành án của tôi",
    nav: ["Yêu cầu của tôi", "Việc của tôi", /^Thông báo/],
  },
];

for (const home of HOMES) {
  test(`${home.email} lands on ${home.path}`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await expect(nav.getByRole("link")).toHaveText(home.nav);
    await signOut(page);
  });
}

test("the national home shows all 34 provinces with figures from the database", async ({ page }) => {
  await signIn(page, "national.admin@demo.thads.vn");
  await expect(page.getByTestId("stat-provinces")).toHaveText("34");
  await expect(page.getByTestId("stat-subunits")).toHaveText("355");
  // Cases to enforce this statistical year, whatever other tests added; the total is the sum of the provinces' rows.
  const cases = Number((await page.getByTestId("stat-cases").innerText()).replace(/\./g, ""));
  expect(cases).toBeGreaterThan(0);
  const perProvince = await page.getByTestId("league").locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(perProvince).toHaveLength(34);
  expect(perProvince.reduce((n, t) => n + Number(t.replace(/\./g, "")), 0)).toBe(cases);
  await page.getByTestId("league").getByRole("link", { name: "Thi hành án dân sự thành phố Hải Phòng" }).click();
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await expect(page.getByTestId("stat-subunits")).toHaveText("11");
});

test("wrong password and unknown e-mail get the same Vietnamese message, and no session", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn", "sai-mat-khau");
  await expect(page.getByRole("alert")).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
  await signIn(page, "khong-ton-tai@demo.thads.vn", "sai-mat-khau");
  await expect(page.getByRole("alert")).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
  await page.goto("/national");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fnational$/);
});

test("a malformed e-mail is named in the error", async ({ page }) => {
  await signIn(page, "khong-phai-email", "x");
  await expect(page.getByText("Thư điện tử: định dạng không hợp lệ")).toBeVisible();
});

test("oversized and malformed posts get 4xx with a clear message, never a 500", async ({ page, request }) => {
  await page.goto("/login");
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const big = await page.request.post("/login", {
    form: { csrf, email: "a@b.vn", password: "x".repeat(40_000) },
    headers: { Origin: `http://localhost:${process.env.E2E_PORT ?? 3100}` },
  });
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain("Dữ liệu gửi lên quá lớn.");
  const json = await request.post("/login", { data: { email: "a@b.vn" } });
  expect(json.status()).toBe(415);
  const noToken = await request.post("/login", { form: { email: "a@b.vn", password: "x" } });
  expect(noToken.status()).toBe(403);
  expect(await noToken.text()).toContain("Phiên biểu mẫu đã hết hạn");
});

test("the English switch translates the page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
});
