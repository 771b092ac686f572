import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

const NEW_SECRETARY = "ha-noi.staff2@staff.thads.vn";
const OLD_SECRETARY = "ha-noi.steering@demo.thads.vn";

test("a province head adds a member by e-mail as secretary; a bad e-mail and a second secretary get errors naming the field", async ({
  page,
}) => {
  await signIn(page, "ha-noi.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/ha-noi$/);
  await page.getByRole("link", { name: "Ban Chỉ đạo THADS của tỉnh" }).click();
  await expect(page).toHaveURL(/\/steering\/committees$/);
  // Only the province's own committee is listed.
  const committee = page.getByTestId("committee");
  await expect(committee).toHaveCount(1);
  await expect(committee).toContainText("Hà Nội");
  const add = committee.getByTestId("add-member");

  // A malformed e-mail: refused, naming the field, nothing added.
  await add.getByLabel("E-mail thành viên").fill("ha-noi.staff2@");
  await add.getByLabel("Vai trò trong Ban").selectOption({ label: "Thư ký" });
  await add.getByRole("button", { name: "Thêm vào Ban" }).click();
  await expect(add.getByRole("alert").first()).toContainText("E-mail thành viên: không đúng định dạng");
  await expect(committee.getByTestId("member-row").filter({ hasText: NEW_SECRETARY })).toHaveCount(0);

  // The committee already has a secretary: refused, naming the field.
  await add.getByLabel("E-mail thành viên").fill(NEW_SECRETARY);
  await add.getByLabel("Vai trò trong Ban").selectOption({ label: "Thư ký" });
  await add.getByRole("button", { name: "Thêm vào Ban" }).click();
  await expect(add.getByRole("alert").first()).toContainText("Vai trò trong Ban: Ban Chỉ đạo đã có thư ký");

  // The current secretary becomes a member, then the new one is added as secretary.
  const old = committee.getByTestId("member-row").filter({ hasText: OLD_SECRETARY });
  await old.getByLabel("Đổi vai trò").selectOption({ label: "Thành viên" });
  await old.getByRole("button", { name: "Đổi vai trò" }).click();
  await expect(page).toHaveURL(/\?done=committee_change_role$/);
  await expect(committee.getByTestId("member-row").filter({ hasText: OLD_SECRETARY }).getByTestId("member-role")).toHaveText("Thành viên");

  await add.getByLabel("E-mail thành viên").fill(NEW_SECRETARY.toUpperCase());
  await add.getByLabel("Vai trò trong Ban").selectOption({ label: "Thư ký" });
  await add.getByRole("button", { name: "Thêm vào Ban" }).click();
  await expect(page).toHaveURL(/\?done=committee_add_member$/);
  await expect(page.getByRole("status")).toHaveText("Đã thêm thành viên.");
  const added = committee.getByTestId("member-row").filter({ hasText: NEW_SECRETARY });
  await expect(added).toHaveCount(1);
  await expect(added.getByTestId("member-role")).toHaveText("Thư ký");
});
