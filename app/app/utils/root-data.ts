import { useRouteLoaderData } from "react-router";
import type { loader } from "../root.tsx";

/** The root loader's data (language, the form token), typed, for any component. */
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/** The token every form posts back (double-submit against cross-site requests). */
export function useCsrf(): string {
  return useRootData()?.csrf ?? "";
}
