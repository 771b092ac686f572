import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers.ts";

/**
 * Fourteen key pages, each at a laptop's width (1366 px) and a phone's (390 px): axe finds no
 * serious or critical violation, the page does not scroll sideways, and on the laptop the header
 * (menu and user) stays on one line.
 */
const WIDTHS = [
  { name: "1366 px", width: 1366, height: 768 },
  { name: "390 px", width: 390, height: 844 },
] as const;

type Visit = { name: string; path: string | ((page: Page) => Promise<string>) };
/** The pages, by the account that opens them (null: signed out). */
const GROUPS: { email: string | null; visits: Visit[] }[] = [
  {
    email: null,
    visits: [
      { name: "sign-in", path: "/login" },
      { name: "public province page", path: "/p/hai-phong" },
    ],
  },
  { email: "national.admin@demo.thads.vn", visits: [{ name: "national dashboard", path: "/national" }] },
  {
    email: "hai-phong.head@demo.thads.vn",
    visits: [
      { name: "province dashboard", path: "/province/hai-phong" },
      { name: "statistics report", path: "/stats/report?unit=P-HAI-PHONG" },
      { name: "one-stop desk", path: "/desk" },
    ],
  },
  {
    email: "hai-phong.kv01.head@demo.thads.vn",
    visits: [
      { name: "unit dashboard", path: "/unit/P-HAI-PHONG-KV01" },
      { name: "case list", path: "/cases" },
      { name: "a case page", path: firstCase },
    ],
  },
  { email: "hai-phong.kv01.executor@demo.thads.vn", visits: [{ name: "worklist", path: "/worklist" }] },
  { email: "hai-phong.steering@demo.thads.vn", visits: [{ name: "steering", path: "/steering" }] },
  {
    email: "creditor.bank@demo.thads.vn",
    visits: [
      { name: "creditor home", path: "/requests" },
      { name: "portfolio", path: "/creditor/portfolio" },
      { name: "API tokens", path: "/creditor/tokens" },
    ],
  },
];

/** The first case on the unit's list. */
async function firstCase(page: Page): Promise<string> {
  await page.goto("/cases");
  const href = await page.getByTestId("case-row").first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  return href!;
}

for (const w of WIDTHS) {
  for (const g of GROUPS) {
    test(`${w.name}: ${g.visits.map((v) => v.name).join(", ")}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: w.width, height: w.height });
      if (g.email) {
        await signIn(page, g.email);
        await expect(page).not.toHaveURL(/\/login/);
      }
      const problems: string[] = [];
      for (const v of g.visits) {
        const path = typeof v.path === "string" ? v.path : await v.path(page);
        const res = await page.goto(path);
        expect(res?.status(), `${v.name} (${path})`).toBe(200);
        await expect(page.locator("h1").first()).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const x of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
          const where = x.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ");
          problems.push(`${v.name}: ${x.impact} ${x.id} (${x.nodes.length}×): ${x.help} — ${where}`);
        }
        const scroll = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scroll.scrollWidth > scroll.clientWidth) {
          const wide = await page.evaluate((limit) => {
            // The widest elements that stick out, to say what scrolls.
            return [...document.querySelectorAll("body *")]
              .filter((el) => el.getBoundingClientRect().right > limit + 1)
              .slice(0, 3)
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join(".")}`);
          }, scroll.clientWidth);
          problems.push(`${v.name}: scrolls sideways (${scroll.scrollWidth} > ${scroll.clientWidth}): ${wide.join(", ")}`);
        }
        // On a laptop the workspace's menu and the user's block sit on one line.
        if (w.width >= 1366 && (await page.locator("header nav").count()) > 0) {
          const rows = await page.evaluate(() => {
            // Items on one line of the header (centred on it) share their vertical centre.
            const user = document.querySelector("header [data-testid='user-name']")?.parentElement;
            const items = [...document.querySelectorAll("header nav a"), ...(user ? [user] : [])];
            const centres = items.map((el) => {
              const r = el.getBoundingClientRect();
              return Math.round((r.top + r.height / 2) / 8);
            });
            return new Set(centres).size;
          });
          if (rows > 1) problems.push(`${v.name}: the header wraps onto ${rows} lines`);
        }
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}
