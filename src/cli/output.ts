// Where CLI commands write, injectable so tests can capture it, plus small formatting helpers.

/** The command's two output streams. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The process's own streams. */
export const processOutput: Output = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

/** 1536 → "1.5 KiB": binary units, named so, since the bench reports decimal MB (10^6 bytes). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/** The day part of an ISO date-time, `+010000-06-01` included (a fixed slice cut expanded years short). */
export function isoDayOf(iso: string): string {
  const t = iso.indexOf('T');
  return t < 0 ? iso : iso.slice(0, t);
}
