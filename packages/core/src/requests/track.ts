import type { TxSql } from "@thads/db";
import { normalizeSecondFactor, type RequestKind, type RequestStatus } from "@thads/domain";

/*
 * Tracking and rating a request, as the public: only through public.track_service_request and
 * public.rate_service_request, which want the tracking code and a second factor.
 */

export interface TrackedRequest {
  code: string;
  kind: RequestKind;
  status: RequestStatus;
  provinceId: string;
  unitName: string;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  resultNote: string | null;
  rated: boolean;
  history: { status: RequestStatus; at: string; note: string | null }[];
  /** A complaint or denunciation taken in at the desk and registered as a letter: where the letter stands. */
  letter: TrackedLetter | null;
}

export interface TrackedLetter {
  code: string;
  kind: "complaint" | "denunciation" | "petition" | "not_competent" | null;
  status: "received" | "classified" | "accepted" | "resolved" | "forwarded" | "filed";
  receivedOn: string;
  acceptedOn: string | null;
  /** The time limit running now: to accept (classified) or to resolve (accepted). */
  dueOn: string | null;
  resolvedOn: string | null;
  outcome: "upheld" | "partly_upheld" | "rejected" | "withdrawn" | null;
}

export async function trackRequest(tx: TxSql, code: string, factor: string): Promise<TrackedRequest | null> {
  const [row] = await tx<
    { r: TrackedRequest | null }[]
  >`select public.track_service_request(${code}, ${normalizeSecondFactor(factor)}) as r`;
  return row?.r ?? null;
}

export async function rateRequest(tx: TxSql, code: string, factor: string, score: number, comment: string | null) {
  const [row] = await tx<{ r: string }[]>`
    select public.rate_service_request(${code}, ${normalizeSecondFactor(factor)}, ${score}, ${comment}) as r`;
  return row!.r as "ok" | "not_found" | "not_closed" | "already_rated" | "invalid";
}
