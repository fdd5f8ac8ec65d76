// The `broadsheet` command: dispatches to index, search, stats and demo; turns CliErrors and bad
// options into one-line messages with exit code 2 (usage) or 1 (input), never a stack trace.

import { IndexFormatError } from '../index.js';
import { CliError } from './cli-error.js';
import { processOutput, type Output } from './output.js';
import { indexCommand } from './commands/index-command.js';
import { searchCommand } from './commands/search-command.js';
import { statsCommand } from './commands/stats-command.js';
import { demoCommand } from './commands/demo-command.js';

const HELP = `Usage: broadsheet <command> [options]

Commands:
  index <paths...> --out <file>   ingest news files, index them, save the index
  search <file> "<query>"         search a saved index (--json for machine-readable output)
  stats <file>                    documents, segments, terms, date range, size by section
  demo [paths...]                 index corpus/ in memory and run example searches

Run "broadsheet <command> --help" for a command's options.`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'index':
        return await indexCommand(rest, out);
      case 'search':
        return searchCommand(rest, out);
      case 'stats':
        return statsCommand(rest, out);
      case 'demo':
        return await demoCommand(rest, out);
      case undefined:
        // A usage error: the usage goes where errors go.
        out.stderr(HELP);
        return 2;
      case 'help':
      case '--help':
      case '-h':
        out.stdout(HELP);
        return 0;
      default:
        throw new CliError(`unknown command "${command}" (try broadsheet --help)`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      out.stderr(`broadsheet: ${error.message}`);
      return error.exitCode;
    }
    // A file whose checksums pass but whose data is malformed is refused where it is first read,
    // which for lazily decoded parts is mid-command, after loading.
    if (error instanceof IndexFormatError) {
      out.stderr(`broadsheet: not a readable Broadsheet index (${error.part}: found ${error.found}, expected ${error.expected})`);
      return 1;
    }
    // node:util parseArgs rejects unknown or malformed options with these codes.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`broadsheet: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /[\\/](main\.(ts|js)|broadsheet(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly || process.env['BROADSHEET_CLI'] === '1') {
  // A reader that stops early (`| head`) closes the pipe: stop quietly. Other write errors (a full
  // disk) get one line, not a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`broadsheet: cannot write output: ${error.code ?? error.message}\n`);
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`broadsheet: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
