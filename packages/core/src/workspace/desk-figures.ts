/** One-stop desk figures of a set of units, summed (public.one_stop_metrics scopes itself to the caller). */
export interface DeskFigures {
  received: number;
  online: number;
  closedOnTime: number;
  closedLate: number;
  openOverdue: number;
  ratings: number;
  averageRating: string | null;
}

/** On-time share of the requests closed, in percent with one decimal: null when none closed. */
export function onTimeShare(f: DeskFigures): string | null {
  const closed = f.closedOnTime + f.closedLate;
  return closed > 0 ? ((100 * f.closedOnTime) / closed).toFixed(1) : null;
}
