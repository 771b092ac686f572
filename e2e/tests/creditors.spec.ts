import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

test("a bank sees its cases of Hải Phòng and Hà Nội together, and no case where it is not a party", async ({ page }) => {
  // A case of Hải Phòng as the province staff list it: the first one whose creditor is not the bank.
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.goto("/cases");
  // Each staff row's case number and its page.
  const staffCases = await page.getByTestId("case-row").evaluateAll((rows) =>
    rows.map((r) => {
      const a = r.querySelector('a[href^="/cases/"]');
      return { number: (a?.textContent ?? "").trim(), href: a?.getAttribute("href") ?? "" };
    }),
  );
  await signOut(page);

  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.getByTestId("my-cases-link").click();
  await expect(page).toHaveURL(/\/creditor\/cases$/);
  const provinces = await page.getByTestId("my-case-province").allTextContents();
  expect(provinces.some((p) => p.includes("Hải Phòng"))).toBe(true);
  expect(provinces.some((p) => p.includes("Hà Nội"))).toBe(true);

  // Its own case opens with the party's timeline.
  const own = page.getByTestId("my-case-row").first().getByRole("link");
  const ownHref = await own.getAttribute("href");
  await own.click();
  await expect(page).toHaveURL(ownHref ?? "");
  await expect(page.getByTestId("creditor-timeline").locator("li").first()).toBeVisible();

  // A case of the province that is not in its list is not found, and the staff's case page leads there too.
  // Every case of the bank in the province (the export is not paged, the page is), by number.
  const all = await page.request.get("/creditor/cases.csv?province=hai-phong");
  const [head, ...body] = (await all.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const col = head!.split(",").findIndex((h) => h.replace(/"/g, "") === "case_number");
  const mine = new Set(body.map((l) => l.split(",")[col]!.replace(/"/g, "")));
  expect(mine.size).toBeGreaterThan(0);
  const other = staffCases
    .find((c) => /^\/cases\/[0-9a-f-]{36}$/.test(c.href) && c.number && !mine.has(c.number))
    ?.href.split("/")
    .pop();
  expect(other).toBeTruthy();
  expect((await page.goto(`/creditor/cases/${other}`))?.status()).toBe(404);
  // The staff's case page sends it to its own page, where the case is not found either.
  expect((await page.goto(`/cases/${other}`))?.status()).toBe(404);
  await expect(page).toHaveURL(`/creditor/cases/${other}`);

  // The list filtered to one province, and its CSV.
  await page.goto("/creditor/cases?province=ha-noi");
  for (const p of await page.getByTestId("my-case-province").allTextContents()) expect(p).toContain("Hà Nội");
  const csv = await page.request.get("/creditor/cases.csv?province=hai-phong");
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain("case_number");
  expect(lines.length).toBeGreaterThan(1);
});

test("the citizen account sees its own cases in more than one province", async ({ page }) => {
  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.goto("/creditor/cases");
  const provinces = new Set(await page.getByTestId("my-case-province").allTextContents());
  expect(provinces.size).toBeGreaterThan(1);
});
