// The one error the CLI shows as a single line without a stack: a usage mistake or a bad input.

/** A user-facing failure: printed as `broadsheet: <message>`, then the process exits with `exitCode`. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
