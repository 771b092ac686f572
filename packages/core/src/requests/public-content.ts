import type { TxSql } from "@thads/db";
import { isUuid } from "../shared/input.ts";
import type { PageContent } from "./provinces.ts";

/*
 * The province's public content, edited by its head and staff (under their claims: RLS checks
 * the province).
 */

export function savePage(tx: TxSql, provinceId: string, userId: string, c: PageContent) {
  return tx`
    insert into public.public_pages (province_id, unit_id, intro, contacts, desk_hours, procedures_note, updated_by)
    values (${provinceId}, ${provinceId}, ${c.intro}, ${c.contacts}, ${c.deskHours}, ${c.proceduresNote}, ${userId})
    on conflict (province_id) do update
      set intro = excluded.intro, contacts = excluded.contacts, desk_hours = excluded.desk_hours,
          procedures_note = excluded.procedures_note, updated_by = excluded.updated_by
    returning province_id`;
}

export function addAnnouncement(tx: TxSql, provinceId: string, userId: string, title: string, body: string) {
  return tx`
    insert into public.public_announcements (unit_id, title, body, created_by) values (${provinceId}, ${title}, ${body}, ${userId}) returning id`;
}

export async function deleteAnnouncement(tx: TxSql, id: string) {
  if (!isUuid(id)) return [];
  return tx`delete from public.public_announcements where id = ${id} returning id`;
}
