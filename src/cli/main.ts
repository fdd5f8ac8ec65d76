// The `broadsheet` command: dispatches to index, search, stats and demo; turns CliErrors and bad
// options into one-line messages with exit code 2 (usage) or 1 (input), never a stack trace.

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
      case 'help':
      case '--help':
      case '-h':
        out.stdout(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}" (try broadsheet --help)`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      out.stderr(`broadsheet: ${error.message}`);
      return error.exitCode;
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
