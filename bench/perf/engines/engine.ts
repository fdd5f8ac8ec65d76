// The contract every engine adapter fulfils, and the mapping from query classes to capabilities.
// An unsupported capability is declared false and reported "n/a"; the runner never calls it.

import type { BenchDoc, QueryClass } from '../types.js';

/** What an engine can be asked; the three free-text classes share `free`. */
export type Capability = 'free' | 'and' | 'phrase' | 'prefix' | 'fuzzy' | 'dateFilter' | 'dateSort';

/** The capability a query class needs. */
export function capabilityOf(cls: QueryClass): Capability {
  return cls === 'free1' || cls === 'free2' || cls === 'free3' ? 'free' : cls;
}

/** A serialised index: the bytes an application would write to disk. */
export interface SerializedIndex {
  bytes: Uint8Array;
  /** What the bytes are (`JSON`, `SQLite database`, ...). */
  format: string;
}

/**
 * One search engine under test. Every method returning ids returns at most `k` document ids,
 * best first. Query words arrive lower-case and unanalysed: each engine applies its own analysis.
 */
export interface EngineAdapter {
  /** Command-line key (`minisearch`). */
  readonly key: string;
  /** Display name with version (`MiniSearch 7.2`). */
  readonly name: string;
  readonly supports: Readonly<Record<Capability, boolean>>;
  /** Indexes `docs` and leaves the index ready to query. */
  build(docs: readonly BenchDoc[]): void;
  /** Terms ORed, ranked by the engine's relevance. */
  free(terms: readonly string[], k: number): string[];
  /** All terms required. */
  and(terms: readonly string[], k: number): string[];
  /** The words adjacent, in order. */
  phrase(words: readonly string[], k: number): string[];
  /** Any word starting with `prefix`. */
  prefix(prefix: string, k: number): string[];
  /** `term` within one edit. */
  fuzzy(term: string, k: number): string[];
  /** Terms ORed, only documents dated in [from, to] (epoch ms, inclusive), by relevance. */
  dateFilter(terms: readonly string[], from: number, to: number, k: number): string[];
  /** Terms ORed, newest first. */
  dateSort(terms: readonly string[], k: number): string[];
  serialize(): SerializedIndex;
  /** Forgets the index (so memory can be reclaimed before {@link load}). */
  drop(): void;
  /** Replaces the index by one read from bytes written by {@link serialize}. */
  load(bytes: Uint8Array): void;
  /** Bytes held outside the V8 heap, when the engine can tell (SQLite pages). */
  nativeBytes?(): number;
}

/** Thrown by methods an adapter declares unsupported; reaching one is a bench bug. */
export class UnsupportedQueryError extends Error {
  override name = 'UnsupportedQueryError';
  readonly capability: Capability;
  constructor(engine: string, capability: Capability) {
    super(`${engine} does not support ${capability} queries`);
    this.capability = capability;
  }
}

/** Capabilities all false except the listed ones. */
export function capabilities(...supported: Capability[]): Record<Capability, boolean> {
  const all: Record<Capability, boolean> = {
    free: false, and: false, phrase: false, prefix: false, fuzzy: false, dateFilter: false, dateSort: false,
  };
  for (const c of supported) all[c] = true;
  return all;
}

/** Top-k ids of a result list that is already sorted (engines that return every match). */
export function topIds<T>(results: readonly T[], k: number, id: (result: T) => string): string[] {
  const n = Math.min(k, results.length);
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = id(results[i]!);
  return ids;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A JSON string as UTF-8 bytes (what a file holds). */
export function jsonBytes(json: string): Uint8Array {
  return encoder.encode(json);
}

/** UTF-8 bytes back to a string (part of any JSON engine's load time). */
export function bytesText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
