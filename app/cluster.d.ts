export function workerCount(value: string | undefined): number;
export function superviseWorkers(count: number, options?: { port?: number; graceMs?: number }): void;
