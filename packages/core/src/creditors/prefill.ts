import type { TxSql } from "@thads/db";
import { linkedNumbers } from "./api-filing.ts";

/*
 * What a creditor account's filing form starts with: its name, the ID number or tax code it is
 * linked to, and the contact details it gave on its last request (else its profile's). Read under
 * the account's own claims: its profile, its links and the requests it filed, nothing else. The
 * requester may change any of it before sending.
 */

export interface RequesterPrefill {
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** Every number the account is linked to, to choose from when it stands for several. */
  idNumbers: string[];
}

/** The signed-in creditor account's details for a new request, or null for any other account. */
export async function requesterPrefill(tx: TxSql): Promise<RequesterPrefill | null> {
  const [profile] = await tx<{ full_name: string; email: string; phone: string | null }[]>`
    select full_name, email, phone from public.profiles where id = (select auth.uid()) and creditor_kind is not null`;
  if (!profile) return null;
  const numbers = await linkedNumbers(tx);
  const [last] = await tx<
    {
      requester_id_number: string | null;
      requester_phone: string | null;
      requester_email: string | null;
      requester_address: string | null;
    }[]
  >`
    select requester_id_number, requester_phone, requester_email, requester_address from public.service_requests
     where requester_id = (select auth.uid()) order by submitted_at desc, id limit 1`;
  // The number of its last request while it is still linked; else its first standing link.
  const lastNumber = last?.requester_id_number ?? null;
  const idNumber = lastNumber && numbers.includes(lastNumber) ? lastNumber : (numbers[0] ?? lastNumber);
  return {
    name: profile.full_name,
    idNumber,
    phone: last?.requester_phone ?? profile.phone,
    email: last?.requester_email ?? profile.email,
    address: last?.requester_address ?? null,
    idNumbers: numbers,
  };
}
