// Bundles the compiled CLI (dist/cli/main.js) into dist/cli/kith.js, which bin/kith.js
// runs. Loading the plain build means resolving and compiling about a thousand module
// files (kysely alone is hundreds), which took longer than most commands themselves;
// one bundle halves a cold `kith today`. Kept out of the bundle: native and lazily
// loaded packages, and the server's framework and its plugins. zod is bundled, with
// fastify-type-provider-zod, the one package besides Kith that reads zod schemas: they
// must share one zod, and loading zod's own module files took a tenth of every command.
import { build } from 'rolldown';

await build({
  input: new URL('../dist/cli/main.js', import.meta.url).pathname,
  platform: 'node',
  external: ['better-sqlite3', 'pg', 'fastify', /^@fastify\//],
  logLevel: 'warn',
  output: {
    // Beside the compiled CLI, so that paths relative to it (../web/) still hold.
    dir: new URL('../dist/cli/', import.meta.url).pathname,
    format: 'esm',
    entryFileNames: 'kith.js',
    chunkFileNames: 'kith-[name].js',
  },
});
