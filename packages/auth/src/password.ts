import bcrypt from "bcryptjs";
import { asAuthService, type Sql } from "@thads/db";

// Compared against when the e-mail is unknown, so both paths cost one bcrypt check.
const DUMMY_HASH = bcrypt.hashSync("no-such-user", 10);

/**
 * Embedded sign-in: checks the password against auth.users.encrypted_password
 * (bcrypt, as Supabase Auth stores it). Returns the user id, or null.
 */
export async function verifyPassword(sql: Sql, email: string, password: string): Promise<{ userId: string } | null> {
  const [user] = await asAuthService(sql, (tx) => tx<{ id: string; encrypted_password: string | null; banned_until: Date | null; deleted_at: Date | null }[]>`
    select id, encrypted_password, banned_until, deleted_at from auth.users
    where lower(email) = ${email.trim().toLowerCase()} limit 1`);
  const hash = user?.encrypted_password ?? DUMMY_HASH;
  const ok = await bcrypt.compare(password, hash);
  if (!user || !ok || user.deleted_at || (user.banned_until && user.banned_until > new Date())) return null;
  await asAuthService(sql, (tx) => tx`update auth.users set last_sign_in_at = now() where id = ${user.id}`);
  return { userId: user.id };
}
