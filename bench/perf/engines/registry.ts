// Engine keys and their adapters, imported lazily: an engine whose module fails to load (Broadsheet
// mid-rewrite, a missing native build) is reported as failed without stopping the others.

import type { EngineAdapter } from './engine.js';

/** Every engine, in report order (Broadsheet first: ratios are against it). */
export const ENGINE_KEYS = ['broadsheet', 'fts5', 'minisearch', 'flexsearch', 'lunr', 'orama'] as const;

export type EngineKey = (typeof ENGINE_KEYS)[number];

/** Display names, known without importing the engines. */
export const ENGINE_NAMES: Readonly<Record<EngineKey, string>> = {
  broadsheet: 'Broadsheet',
  fts5: 'SQLite FTS5',
  minisearch: 'MiniSearch 7',
  flexsearch: 'FlexSearch 0.8',
  lunr: 'Lunr 2.3',
  orama: 'Orama 3',
};

/** True for a known engine key. */
export function isEngineKey(key: string): key is EngineKey {
  return (ENGINE_KEYS as readonly string[]).includes(key);
}

/** Imports and creates one engine's adapter. */
export async function loadEngine(key: EngineKey): Promise<EngineAdapter> {
  switch (key) {
    case 'broadsheet':
      return (await import('./broadsheet.js')).createBroadsheetEngine();
    case 'fts5':
      return (await import('./fts5.js')).createFts5Engine();
    case 'minisearch':
      return (await import('./minisearch.js')).createMiniSearchEngine();
    case 'flexsearch':
      return (await import('./flexsearch.js')).createFlexSearchEngine();
    case 'lunr':
      return (await import('./lunr.js')).createLunrEngine();
    case 'orama':
      return (await import('./orama.js')).createOramaEngine();
  }
}
