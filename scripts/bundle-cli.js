// Bundles the compiled CLI (dist/cli/main.js) into dist/cli/kith.js, which bin/kith.js
// runs. Loading the plain build means resolving and compiling about a thousand module
// files (kysely alone is hundreds), which took longer than most commands themselves;
// one bundle halves a cold `kith today`. Kept out of the bundle: native and lazily
// loaded packages, and the server's framework with zod, which its plugins must share
// with Kith's schemas (one zod, so schemas built here are the ones they read).
import { build } from 'rolldown';

await build({
  input: new URL('../dist/cli/main.js', import.meta.url).pathname,
  platform: 'node',
  external: ['better-sqlite3', 'pg', 'zod', /^zod\//, /^fastify/, /^@fastify\//],
  logLevel: 'warn',
  output: {
    // Beside the compiled CLI, so that paths relative to it (../web/) still hold.
    dir: new URL('../dist/cli/', import.meta.url).pathname,
    format: 'esm',
    entryFileNames: 'kith.js',
    chunkFileNames: 'kith-[name].js',
  },
});
