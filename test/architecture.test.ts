// The dependency rules of ARCHITECTURE.md, checked on the source: the core imports no Node built-in,
// and lower layers never import higher ones.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from './_support/paths.js';

const src = join(projectRoot, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

/** The top-level folder of a source file, or `root` for files directly in src/. */
const layerOf = (file: string): string => {
  const parts = relative(src, file).split('/');
  return parts.length === 1 ? 'root' : parts[0]!;
};

test('nothing under src/ except ingest/ and cli/ imports a Node built-in', () => {
  for (const file of files(src)) {
    const layer = layerOf(file);
    if (layer === 'ingest' || layer === 'cli') continue;
    for (const spec of imports(file)) assert.not.ok(spec.startsWith('node:'), `${relative(projectRoot, file)} imports ${spec}`);
    assert.not.match(readFileSync(file, 'utf8'), /\bprocess\.|\bBuffer\./, `${relative(projectRoot, file)} uses a Node global`);
  }
});

// Which top-level folders each layer may import (besides itself and the shared root files).
const ALLOWED: Record<string, string[]> = {
  analysis: [],
  dates: [],
  scoring: [],
  index: ['analysis', 'dates'],
  query: ['analysis', 'index', 'scoring', 'dates'],
  features: ['analysis', 'index', 'query', 'scoring', 'dates'],
  serialize: ['index', 'analysis'],
  // dates is a leaf of values: ingest asks its parser where a written date ends (zone, AM/PM).
  ingest: ['dates'],
};
const SHARED_ROOT = new Set(['errors', 'document']);

test('lower layers never import higher ones', () => {
  for (const file of files(src)) {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    if (allowed === undefined) continue; // the facade, the entry and the CLI may import anything
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const parts = relative(src, join(file, '..', spec)).split('/');
      const target = parts.length === 1 ? parts[0]!.replace(/\.js$/, '') : parts[0]!;
      if (target === layer || SHARED_ROOT.has(target)) continue;
      assert.ok(allowed.includes(target), `${relative(projectRoot, file)} (${layer}) imports ${spec} (${target})`);
    }
  }
});

test.run();
