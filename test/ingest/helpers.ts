// Paths and temp folders shared by the ingest tests (not a suite itself: no `.test.ts` suffix).

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** This folder's fixtures. */
export const FIXTURES = path.join(ROOT, 'test', 'ingest', 'fixtures');
/** The seed document, when the shared folder sits beside the repository. */
export const SEED = path.resolve(ROOT, '..', 'shared', 'seeds', '000_f8d3f764465983e7.txt');

/** True when the seed exists; otherwise prints a one-line notice once per caller. */
export function seedAvailable(suite: string): boolean {
  if (existsSync(SEED)) return true;
  console.log(`[${suite}] ../shared/seeds not found: seed checks skipped`);
  return false;
}

/** A fresh temp directory, removed by the returned cleanup. */
export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `broadsheet-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
