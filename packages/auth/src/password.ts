import { asAuthService, type Sql } from "@thads/db";

/**
 * Embedded sign-in: app_private.check_password compares the password with
 * auth.users.encrypted_password (bcrypt, as Supabase Auth stores it) inside
 * the database, so the hash never reaches the app. Unknown e-mails cost the
 * same bcrypt check. Returns the user id, or null.
 */
export async function verifyPassword(sql: Sql, email: string, password: string): Promise<{ userId: string } | null> {
  const [row] = await asAuthService(
    sql,
    (tx) => tx<{ id: string | null }[]>`
    select app_private.check_password(${email.trim().toLowerCase()}, ${password}) as id`,
  );
  return row?.id ? { userId: row.id } : null;
}
