import { parentPort, workerData } from 'node:worker_threads';
import { generateDemoNetwork, type DemoOptions } from '../domain/demo-network.js';

/**
 * Generates the demo network on a worker thread so that generation and database
 * writes overlap on two cores. It runs at most a few batches ahead of the writer.
 */
const MAX_AHEAD = 3;
const port = parentPort!;
let acked = 0;
let waiting: (() => void) | undefined;
port.on('message', () => {
  acked++;
  waiting?.();
});

const options = workerData as Omit<DemoOptions, 'now'> & { now: string };
let sent = 0;
for (const batch of generateDemoNetwork({ ...options, now: new Date(options.now) })) {
  port.postMessage(batch);
  sent++;
  while (sent - acked >= MAX_AHEAD) await new Promise<void>((resolve) => (waiting = resolve));
}
port.postMessage(null);
