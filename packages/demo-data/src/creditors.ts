import type { TxSql } from "@thads/db";
import { DEMO_EMAIL_DOMAIN, type DemoModel } from "./model.ts";

/**
 * The demo creditor accounts, linked (as by a verified channel) to the parties that carry their
 * ID number or tax code: the bank in many cases of bank credit, the company and the citizen in a
 * few, in Hải Phòng, Hà Nội and two more provinces. The generated creditor parties of those cases
 * take the account's name and number, so the accounts see cases in several tenants.
 */
const ACCOUNTS = [
  { local: "creditor.bank", idNumber: "0109990001", kind: "organization", perProvince: 40, bankCredit: true },
  { local: "creditor.company", idNumber: "0209990002", kind: "organization", perProvince: 6, bankCredit: false },
  { local: "creditor.citizen", idNumber: "001099000001", kind: "person", perProvince: 3, bankCredit: false },
] as const;
const PROVINCES = ["hai-phong", "ha-noi", "da-nang", "ho-chi-minh"];
/** The ID numbers and tax codes the demo accounts are linked to. */
export const DEMO_CREDITOR_ID_NUMBERS: readonly string[] = ACCOUNTS.map((a) => a.idNumber);

export async function seedCreditorLinks(tx: TxSql, model: DemoModel) {
  let linked = 0;
  for (const a of ACCOUNTS) {
    const user = model.users.find((u) => u.email === `${a.local}@${DEMO_EMAIL_DOMAIN}`);
    if (!user) continue;
    const rows = await tx<{ case_id: string }[]>`
      with picked as (
        select p.id, p.case_id, row_number() over (partition by c.province_id order by c.accepted_on desc, c.id) as n
          from public.case_parties p
          join public.cases c on c.id = p.case_id
          join public.units u on u.id = c.province_id
         where u.slug = any (${PROVINCES}) and p.role = 'creditor' and p.kind = ${a.kind}
           and c.is_bank_credit = ${a.bankCredit} and p.full_name <> 'Nhà nước'
           and (p.id_number is null or p.id_number <> all (${DEMO_CREDITOR_ID_NUMBERS as string[]}))
      )
      update public.case_parties p set full_name = ${user.full_name}, id_number = ${a.idNumber}
        from picked where picked.id = p.id and picked.n <= ${a.perProvince}
      returning p.case_id`;
    if (rows.length > 0) await tx`update public.cases set creditor_name = ${user.full_name} where id = any (${rows.map((r) => r.case_id)})`;
    await tx`insert into public.creditor_links (account_id, id_number, party_kind, channel)
             values (${user.id}, ${a.idNumber}, ${a.kind}, 'verified_channel')`;
    linked += rows.length;
  }
  return { linkedParties: linked };
}
