import { createKith } from '../dist/services/kith.js';
import { openStore } from '../dist/store/connect.js';
import { readRepositories } from '../dist/store/repositories.js';
const store = await openStore('bench/out/bench.db');
const repos = readRepositories(store);
for (let i = 0; i < 2; i++) {
let s = performance.now(); const n = await repos.graph.nodes(); console.log('nodes', n.length, (performance.now() - s).toFixed(0));
s = performance.now(); const e = await repos.graph.allEdges(); console.log('edges', e.length, (performance.now() - s).toFixed(0));
}
// max event-loop stall during a full build through the service
const kith = createKith(store);
let last = performance.now(), worst = 0;
const timer = setInterval(() => { const t = performance.now(); worst = Math.max(worst, t - last); last = t; }, 5);
const s = performance.now();
await kith.network.build();
while (!(await kith.network.build()).ready) await new Promise(r => setTimeout(r, 20));
clearInterval(timer);
console.log('build', (performance.now() - s).toFixed(0), 'worst stall', worst.toFixed(0));
await kith.close();
