import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { invalid, KithError } from '../domain/errors.js';
import { printJson, table } from './output.js';
import { withKith } from './runtime.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw invalid('port', value, 'expected a whole number from 0 to 65535');
  return n;
}

/** Why the server cannot take its address, in one line that says what to do. */
function cannotListen(host: string, port: number, error: unknown): KithError {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') return new KithError('unavailable', 'port_in_use', `cannot listen on ${where}: the port is in use (is Kith already running?); stop the other server or choose another with --port`);
  if (code === 'EACCES') return new KithError('unavailable', 'port_denied', `cannot listen on ${where}: permission denied; ports below 1024 need privileges, choose another with --port`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new KithError('unavailable', 'host_unavailable', `cannot listen on ${where}: this machine has no such address; choose another with --host`);
  return new KithError('unavailable', 'cannot_listen', `cannot listen on ${where}: ${(error as Error).message}`);
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web app and the HTTP API (on 127.0.0.1 unless told otherwise)')
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').default(4040).argParser(port))
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: number; host: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const webRoot = fileURLToPath(new URL('../web/', import.meta.url));
        if (!existsSync(webRoot)) output.err('The web app is not built (npm run build); serving the API only.');
        const setupCode = (await kith.access.hasPassword()) ? null : randomBytes(18).toString('base64url');
        // Loaded here so that the other commands do not pay for the server's modules.
        const { buildServer } = await import('../http/server.js');
        const { app, jobs } = await buildServer({ kith, webRoot, setupCode });
        let address: string;
        try {
          address = await app.listen({ port: opts.port, host: opts.host });
        } catch (error) {
          await app.close();
          throw cannotListen(opts.host, opts.port, error);
        }
        const url = address.replace('://[::1]', '://localhost');
        output.out(`Kith is running at ${url}`);
        if (setupCode) output.out(`First start: open ${url}/setup?code=${setupCode} to choose your password.`);
        if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) output.err(`Listening on ${opts.host}: anyone who can reach this address can try to log in; use HTTPS in front of it.`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        output.err('Stopping: waiting for running work to finish…');
        await app.close();
        await jobs.idle();
      });
    });
}

export function tokenCommand(): Command {
  const token = new Command('token').description('bearer tokens for scripts, and calendar feed addresses');
  token
    .command('create')
    .description('create a token; its secret is printed once')
    .argument('<name>')
    .addOption(new Option('--scope <scope>', 'api (bearer token) or feed (calendar feed URL)').choices(['api', 'feed']).default('api'))
    .action(async (name: string, opts: { scope: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const created = await kith.access.createToken(name, opts.scope);
        if (output.json) return printJson(output, created);
        output.out(created.token);
        output.err(
          created.scope === 'feed'
            ? `Feed "${created.name}": subscribe to http://127.0.0.1:4040/feeds/${created.token}.ics (shown once)`
            : `Token "${created.name}" (shown once): send it as "Authorization: Bearer ${created.token}"`,
        );
      });
    });
  token
    .command('ls')
    .description('list tokens (never their secrets)')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const tokens = await kith.access.tokens();
        if (output.json) return printJson(output, tokens);
        output.out(table(['id', 'name', 'scope', 'created', 'last used'], tokens.map((t) => [t.id, t.name, t.scope, t.createdAt.slice(0, 16), t.lastUsedAt?.slice(0, 16) ?? 'never'])));
      });
    });
  token
    .command('revoke')
    .description('revoke a token by id or name')
    .argument('<token>')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const revoked = await kith.access.revokeToken(ref);
        if (output.json) return printJson(output, revoked);
        output.out(`Revoked ${revoked.name} (${revoked.id})`);
      });
    });
  return token;
}
