/**
 * The case generator on its own thread (started by seed.ts through seed-worker.mjs): it sends
 * batches of COPY data, one per "more" message, so it stays at most a few batches ahead of the
 * database.
 */
import { parentPort, workerData } from "node:worker_threads";
import { generateCaseHistories, type CaseGenOptions } from "./cases.ts";
import { copyBatches } from "./copy.ts";

const port = parentPort!;
const { options, batchSize } = workerData as { options: CaseGenOptions; batchSize: number };

let credit = 0;
let wake: (() => void) | null = null;
port.on("message", (m) => {
  if (m === "more") {
    credit++;
    wake?.();
    wake = null;
  }
});

for (const batch of copyBatches(generateCaseHistories(options), batchSize)) {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage(batch);
}
port.postMessage("done");
