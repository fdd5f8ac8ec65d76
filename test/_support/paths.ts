// Where the project and the shared data sets are, for tests that read real corpora.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const sharedRoot = resolve(projectRoot, '..', 'shared');

/** The path under ../shared, or undefined (callers print a skip notice) when it is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  const p = join(sharedRoot, ...parts);
  return existsSync(p) ? p : undefined;
}
