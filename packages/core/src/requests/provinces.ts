import type { TxSql } from "@thads/db";
import { byUnitName } from "@thads/domain";

/*
 * The provinces' public pages, read as the public (`anon`): the bureaus, a province's page content,
 * its sub-bureaus and announcements, and where a request may be sent.
 */

export interface ProvinceRow {
  id: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function listProvinces(tx: TxSql): Promise<ProvinceRow[]> {
  return byUnitName(
    await tx<ProvinceRow[]>`
    select id, name, slug, address, phone, email from public.units
    where kind = 'province' and dissolved_on is null and slug is not null`,
  );
}

/** The province with this slug, or null (a slug of the wrong shape is not looked up). */
export async function provinceBySlug(tx: TxSql, slug: string): Promise<ProvinceRow | null> {
  if (!/^[a-z0-9-]{2,60}$/.test(slug)) return null;
  const [row] = await tx<ProvinceRow[]>`
    select id, name, slug, address, phone, email from public.units
    where slug = ${slug} and kind = 'province' and dissolved_on is null`;
  return row ?? null;
}

export interface PageContent {
  intro: string;
  contacts: string;
  deskHours: string;
  proceduresNote: string;
}

export async function provincePage(tx: TxSql, provinceId: string) {
  const [page] = await tx<{ intro: string; contacts: string; desk_hours: string; procedures_note: string }[]>`
    select intro, contacts, desk_hours, procedures_note from public.public_pages where province_id = ${provinceId}`;
  const units = await tx<{ id: string; name: string; address: string | null; phone: string | null; email: string | null }[]>`
    select id, name, address, phone, email from public.units
    where province_id = ${provinceId} and kind = 'subunit' and dissolved_on is null order by code`;
  const announcements = await tx<{ id: string; title: string; body: string; published_on: string }[]>`
    select id, title, body, to_char(published_on, 'YYYY-MM-DD') as published_on from public.public_announcements
    where province_id = ${provinceId} order by published_on desc, created_at desc limit 10`;
  const content: PageContent = {
    intro: page?.intro ?? "",
    contacts: page?.contacts ?? "",
    deskHours: page?.desk_hours ?? "",
    proceduresNote: page?.procedures_note ?? "",
  };
  return { content, units, announcements };
}
