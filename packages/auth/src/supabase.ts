import { createClient } from "@supabase/supabase-js";
import WebSocket from "ws";

export type SupabaseSignIn =
  | { ok: true; userId: string; email: string; accessToken: string }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" | "unavailable" };

/**
 * Sign-in through Supabase Auth (when a Supabase project is configured).
 * The user id Supabase Auth verified becomes `sub` in the claims that drive RLS.
 */
export async function signInWithSupabase(
  config: { url: string; anonKey: string; fetch?: typeof fetch },
  email: string,
  password: string,
): Promise<SupabaseSignIn> {
  const client = createClient(config.url, config.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; realtime is never opened here, but the client wants a transport.
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    // Only a fetch the caller set itself; never one read through the prototype.
    global: Object.hasOwn(config, "fetch") && typeof config.fetch === "function" ? { fetch: config.fetch } : {},
  });
  try {
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    if (error) {
      if (error.status === 429) return { ok: false, reason: "rate_limited" };
      if (error.status === 400 || error.status === 401 || error.status === 422) return { ok: false, reason: "invalid_credentials" };
      return { ok: false, reason: "unavailable" };
    }
    if (!data.user || !data.session) return { ok: false, reason: "invalid_credentials" };
    return { ok: true, userId: data.user.id, email: data.user.email ?? email, accessToken: data.session.access_token };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}
