// The knotwork command line: each command is a plain function (argv, io) -> exit code.
import { backupCommand, restoreCommand } from './commands/backup-commands.js';
import { exportCommand } from './commands/export-command.js';
import { demoCommand } from './commands/demo-command.js';
import { auditCommand, cdsClientCommand, migrateCommand, userCommand } from './commands/database-commands.js';
import { screenCommand } from './commands/screen-command.js';
import { serveCommand } from './commands/serve-command.js';
import { EXIT_OK, EXIT_UNUSABLE, processIo, type CommandIo } from './io.js';

export const MAIN_HELP = `Knotwork: trigger point injection (TPI) services, from screening to outcomes.

Usage: knotwork <command> [options]

Commands:
  serve [--port N] [--as-of ISO] [--no-demo]   start the clinic server (API, CDS Hooks)
  screen [--as-of ISO] FILE|-   screen a planned TPI: a CDS Hooks request in, the cards out
  migrate                       apply the database migrations
  user add --email ... --role   create a user account
  audit verify                  check the audit log's hash chain
  cds-client add ...            register an EHR as a CDS Hooks client of a clinic
  backup FILE [--clinic NAME]   write a clinic (or every clinic) to a checked, self-describing file
  restore FILE                  restore a backup into an empty database
  export --ndjson DIR           write a clinic's records as FHIR R4 Bulk Data NDJSON files
  demo --patients N             create a synthetic clinic of N patients (charts, visits, notes)
  help [command]                show help for a command

Run "knotwork <command> --help" for a command's options.
`;

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  screen: screenCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  user: userCommand,
  audit: auditCommand,
  'cds-client': cdsClientCommand,
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
  demo: demoCommand,
};

export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(MAIN_HELP);
    return EXIT_OK;
  }
  if (name === 'help') return main([rest[0] as string, '--help'], io);
  if (name === '--version' || name === '-v') {
    io.stdout('knotwork 0.1.0\n');
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(
      `knotwork: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; see knotwork --help)\n`,
    );
    return EXIT_UNUSABLE;
  }
  return command(rest, io);
}
