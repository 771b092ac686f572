import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per-request memory, for answers every loader of one request needs (the
 * signed-in user). The server (server.js) opens a store for each HTTP request;
 * the store is found through a global symbol because server.js and the
 * built app are separate module graphs. Without a store (the dev server, a
 * script) nothing is remembered.
 */
const KEY = Symbol.for("thads.requestStore");

export function requestStore(): AsyncLocalStorage<Map<string, unknown>> {
  const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<Map<string, unknown>> | undefined>;
  return (g[KEY] ??= new AsyncLocalStorage<Map<string, unknown>>());
}

/** The value of `key` for this request: computed once, shared by every loader of the request. */
export function perRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const store = requestStore().getStore();
  if (!store) return compute();
  let value = store.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    store.set(key, value);
  }
  return value;
}
