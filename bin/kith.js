#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The CLI runs from one bundled file (see scripts/bundle-cli.js).
const bundle = new URL('../dist/cli/kith.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('kith: Kith is not built yet; run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
await import(bundle.href);
