import { Command, CommanderError, Option } from 'commander';
import { asKithError, exitCodeByCategory } from '../domain/errors.js';
import { backupCommand, restoreCommand } from './backup.js';
import { cadenceCommand, tiersCommand } from './cadence.js';
import { calendarCommand, digestCommand, strengthCommand } from './calendar.js';
import { configCommand } from './config-command.js';
import { demoCommand } from './demo.js';
import { dupesCommand, mergeCommand } from './dupes.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { interactionsCommand, logCommand } from './log.js';
import { linkCommand } from './link.js';
import { noteCommand } from './note.js';
import { orgCommand } from './org.js';
import { listCommand, personCommand } from './person.js';
import { positionCommand } from './position.js';
import { searchCommand } from './search.js';
import { audienceCommand, goalCommand } from './goal.js';
import { eventCommand } from './event.js';
import { draftCommand, ledgerCommand } from './ledger.js';
import { brandCommand, introCommand, mentorCommand, opportunityCommand, supportCommand } from './career.js';
import { brokersCommand, communitiesCommand, suggestCommand } from './network.js';
import { pathCommand } from './path.js';
import { serveCommand, tokenCommand } from './serve.js';
import { statsCommand } from './stats.js';
import { remindCommand } from './remind.js';
import { tagCommand } from './tag.js';
import { dormantCommand, todayCommand } from './today.js';

const USAGE_EXIT = 2;
const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('kith')
    .description('Kith: your professional network, kept warm.')
    // Not commander's version(): its --version would be taken from after any command
    // too, and `kith export vcard --version 3` printed Kith's version instead of
    // exporting. The program's own is answered in run(), where it stands alone.
    .addOption(new Option('-V', 'output the version number (also --version)'))
    .addOption(new Option('--db <path|postgres-url>', 'database file or postgres:// URL').env('KITH_DB'))
    .option('--json', 'print JSON instead of tables')
    .showSuggestionAfterError(true);
  program.addCommand(personCommand());
  program.addCommand(listCommand('ls'));
  program.addCommand(orgCommand());
  program.addCommand(positionCommand());
  program.addCommand(logCommand());
  program.addCommand(interactionsCommand());
  program.addCommand(noteCommand());
  program.addCommand(tagCommand());
  program.addCommand(linkCommand());
  program.addCommand(searchCommand());
  program.addCommand(statsCommand());
  program.addCommand(todayCommand());
  program.addCommand(remindCommand());
  program.addCommand(cadenceCommand());
  program.addCommand(tiersCommand());
  program.addCommand(strengthCommand());
  program.addCommand(dormantCommand());
  program.addCommand(calendarCommand());
  program.addCommand(digestCommand());
  program.addCommand(importCommand());
  program.addCommand(dupesCommand());
  program.addCommand(exportCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  program.addCommand(mergeCommand());
  program.addCommand(demoCommand());
  program.addCommand(configCommand());
  program.addCommand(goalCommand());
  program.addCommand(audienceCommand());
  program.addCommand(eventCommand());
  program.addCommand(ledgerCommand());
  program.addCommand(draftCommand());
  program.addCommand(opportunityCommand());
  program.addCommand(introCommand());
  program.addCommand(mentorCommand());
  program.addCommand(brandCommand());
  program.addCommand(supportCommand());
  program.addCommand(pathCommand());
  program.addCommand(communitiesCommand());
  program.addCommand(brokersCommand());
  program.addCommand(suggestCommand());
  program.addCommand(serveCommand());
  program.addCommand(tokenCommand());
  // Usage mistakes (unknown option, missing argument) exit 2 instead of commander's 1.
  const exitOverride = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

/** Whether the first argument after the program's own options (--db, --json) is -V or --version. */
function asksForVersion(args: string[]): boolean {
  let i = 0;
  while (args[i] === '--json' || args[i] === '--db' || args[i]?.startsWith('--db=')) i += args[i] === '--db' ? 2 : 1;
  return args[i] === '-V' || args[i] === '--version';
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    process.stdout.write(program.helpInformation());
    return 0;
  }
  if (asksForVersion(argv.slice(2))) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      return USAGE_EXIT;
    }
    const known = asKithError(error);
    if (known) {
      process.stderr.write(`kith: ${known.message}\n`);
      return exitCodeByCategory[known.category];
    }
    // An unexpected failure is a bug in Kith; say so in one line, with the detail
    // only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`kith: internal error: ${message.split('\n')[0]}\n`);
    if (process.env.KITH_DEBUG) process.stderr.write(String((error as Error)?.stack) + '\n');
    return exitCodeByCategory.internal;
  }
}

// A reader that stops early (`kith ls | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await run(process.argv);
