// Term metadata on disk: encoded from a segment's arrays, decoded one group at a time in any order
// back to exactly those arrays; a group's malformed bytes are refused with IndexFormatError naming
// the section, when that group is decoded.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { IndexFormatError } from '../../src/errors.js';
import type { SegmentData } from '../../src/index/segment.js';
import { GROUP_COLUMNS, GROUPS_PER_PAGE, GroupColumn, PAGE_TERMS, TERM_GROUP, TermGroupsLayout } from '../../src/serialize/format.js';
import { TermGroupDecoder, checkTermGroups, encodeTermGroups, type TermArrays } from '../../src/serialize/term-groups.js';
import { syntheticSegment } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

const ARRAYS = [
  'termDf', 'termPostingsStart', 'termPositionsStart', 'termBlockStart',
  'blockLastDoc', 'blockPostingsOffset', 'blockPositionsOffset', 'blockMask', 'blockBound',
] as const;

function zeroed(d: SegmentData): TermArrays {
  const out = {} as Record<(typeof ARRAYS)[number], Uint32Array | Uint8Array>;
  for (const name of ARRAYS) out[name] = name === 'blockBound' ? new Uint8Array(d[name].length) : new Uint32Array(d[name].length);
  const terms = d.termDf.length;
  out.termPostingsStart[terms] = d.termPostingsStart[terms]!;
  out.termPositionsStart[terms] = d.termPositionsStart[terms]!;
  out.termBlockStart[terms] = d.termBlockStart[terms]!;
  return out as TermArrays;
}

interface Fixture {
  d: SegmentData;
  termTable: Uint8Array;
  skips: Uint8Array;
  groups: Uint32Array;
  totals: number[];
}

function fixture(seed: number, terms = 400): Fixture {
  const d = syntheticSegment(rng(seed), { numDocs: 2500, terms, topShare: 0.7, deleteShare: 0 }, 'x').data;
  const { bytes, restarts } = d.dictionary.byteForm();
  const encoded = encodeTermGroups(d, restarts, bytes.length);
  const totals = [bytes.length, encoded.termTable.length, d.postings.length, d.positions.length, d.blockLastDoc.length, encoded.skips.length];
  return { d, ...encoded, totals };
}

function decoder(f: Fixture, arrays: TermArrays, overrides: Partial<Pick<Fixture, 'termTable' | 'skips' | 'groups'> & { postings: Uint8Array; positions: Uint8Array }> = {}): TermGroupDecoder {
  return new TermGroupDecoder(
    {
      terms: f.d.termDf.length,
      numDocs: f.d.numDocs,
      scoredCount: f.d.scoredCount,
      groups: overrides.groups ?? f.groups,
      termTable: overrides.termTable ?? f.termTable,
      skips: overrides.skips ?? f.skips,
      postings: overrides.postings ?? f.d.postings,
      positions: overrides.positions ?? f.d.positions,
      defaultMask: f.d.defaultMask,
      termTablePart: 'termTable',
      skipsPart: 'skips',
      postingsPart: 'postings',
      positionsPart: 'positions',
    },
    arrays,
    'termGroups',
  );
}

test('groups decoded in any order rebuild exactly the arrays the builder made', () => {
  for (const seed of [1, 2, 3]) {
    const f = fixture(seed);
    assert.ok(f.d.blockLastDoc.length > 20, 'terms with several blocks');
    const arrays = zeroed(f.d);
    const groups = Math.ceil(f.d.termDf.length / TERM_GROUP);
    const order = Array.from({ length: groups }, (_, g) => g);
    const random = rng(seed + 10);
    order.sort(() => random() - 0.5);
    const load = decoder(f, arrays);
    for (const g of order) load.loadGroup(g);
    for (const name of ARRAYS) assert.equal(arrays[name], f.d[name], name);
  }
});

test("one group fills its page's terms, their end offsets and their skip entries, nothing else", () => {
  const f = fixture(5);
  const arrays = zeroed(f.d);
  const g = GROUPS_PER_PAGE + 2;
  decoder(f, arrays).loadGroup(g);
  const from = PAGE_TERMS;
  const to = 2 * PAGE_TERMS;
  assert.ok(to < f.d.termDf.length);
  for (let t = 0; t < f.d.termDf.length; t++) {
    const inside = t >= from && t < to;
    assert.is(arrays.termDf[t], inside ? f.d.termDf[t] : 0, `df ${t}`);
    for (const name of ['termPostingsStart', 'termPositionsStart', 'termBlockStart'] as const) {
      // A term's end is the next term's start, so the page also writes the entry after its last term.
      if (inside || t === to) assert.is(arrays[name][t], f.d[name][t], `${name} ${t}`);
    }
  }
  for (let k = 0; k < f.d.blockLastDoc.length; k++) {
    const inside = k >= f.d.termBlockStart[from]! && k < f.d.termBlockStart[to]!;
    assert.is(arrays.blockLastDoc[k], inside ? f.d.blockLastDoc[k] : 0, `skip ${k}`);
  }
});

test('the group index is checked in O(1) at load: size, zeros first, totals last', () => {
  const f = fixture(6);
  const terms = f.d.termDf.length;
  checkTermGroups(f.groups, terms, f.totals, 'termGroups');
  const bad = (groups: Uint32Array, totals = f.totals): void =>
    assert.throws(() => checkTermGroups(groups, terms, totals, 'termGroups'), (e: unknown) => e instanceof IndexFormatError && e.part === 'termGroups');
  bad(f.groups.subarray(1));
  bad(f.groups, f.totals.map((t, c) => (c === GroupColumn.skips ? t + 1 : t)));
  const layout = new TermGroupsLayout(terms);
  const shifted = f.groups.slice();
  shifted[layout.at(GroupColumn.postings, 0)] = 1;
  bad(shifted);
  // A row per group for the dictionary, a row per page for the other columns.
  assert.is(f.groups.length, Math.ceil(terms / TERM_GROUP) + 1 + (GROUP_COLUMNS - 1) * (Math.ceil(terms / PAGE_TERMS) + 1));
});

test("a page's malformed bytes are refused when a group of it is decoded, naming the section", () => {
  const f = fixture(7);
  const layout = new TermGroupsLayout(f.d.termDf.length);
  /** Row `page` of a column (a page's row in all but the dictionary column). */
  const at = (column: number, page: number): number => f.groups[layout.at(column, page)]!;
  const groupOf = (page: number): number => page * GROUPS_PER_PAGE + 1;
  const refusedAt = (part: string, group: number, overrides: Parameters<typeof decoder>[2]): void => {
    const load = decoder(f, zeroed(f.d), overrides);
    const parts = part.split('|');
    assert.throws(() => load.loadGroup(group), (e: unknown) => e instanceof IndexFormatError && parts.includes(e.part), part);
  };
  // The entry of term t starts at the table offset returned (each page's first is in the index).
  const entryOf = (t: number): number => {
    const page = Math.floor(t / PAGE_TERMS);
    let q = at(GroupColumn.termTable, page);
    for (let u = page * PAGE_TERMS; u < t; u++) {
      const df = f.d.termDf[u]!;
      const varints = df > 128 ? (f.d.termPositionsStart[u + 1]! > f.d.termPositionsStart[u]! ? 3 : 2) : 1;
      for (let v = 0; v < varints; v++) while (f.termTable[q++]! >= 0x80);
    }
    return q;
  };
  // Lies about byte lengths surface in whichever of the three sections stops adding up first.
  // A several-block term's postings length changed by 64: the group's terms no longer end where the
  // next group starts. (A change by one can go unseen: a varint block read from a byte early or late
  // may end where the true one does.)
  const multiTerm = f.d.termDf.findIndex((df) => df > 128);
  const table = f.termTable.slice();
  let q = entryOf(multiTerm);
  while (table[q]! >= 0x80) q++; // skip the df varint
  q++;
  table[q] = table[q]! ^ 0x40;
  refusedAt('termTable|postings|positions', Math.floor(multiTerm / TERM_GROUP), { termTable: table });
  // A one-block term's df changed: its block, read for one posting more or less, ends elsewhere.
  for (const delta of [2, -2]) {
    const single = f.d.termDf.findIndex((df, t) => df > 3 && df < 60 && t % PAGE_TERMS !== PAGE_TERMS - 1);
    const lying = f.termTable.slice();
    lying[entryOf(single)] = lying[entryOf(single)]! + delta;
    refusedAt('termTable|postings|positions', Math.floor(single / TERM_GROUP), { termTable: lying });
  }
  // Positions bytes that no longer end where the table says: zeroed, a varint block ends early and a
  // Rice block's quotients run on to the section's end.
  for (const page of [0, 1]) {
    const positions = f.d.positions.slice();
    positions.fill(0, at(GroupColumn.positions, page), at(GroupColumn.positions, page + 1));
    refusedAt('termTable|postings|positions', groupOf(page), { positions });
  }
  // Postings bytes likewise: a one-block term's block read from zeros ends early, or (a Rice block
  // with k 0) is refused by the block reader.
  const postings = f.d.postings.slice();
  postings.fill(0, at(GroupColumn.postings, 1), at(GroupColumn.postings, 2));
  refusedAt('termTable|postings|positions|section:postings', groupOf(1), { postings });
  // A skip entry whose last DocId is past the segment.
  const multi = Array.from({ length: layout.pages }, (_, page) => page).find((page) => at(GroupColumn.skips, page + 1) > at(GroupColumn.skips, page))!;
  const skips = f.skips.slice();
  skips[at(GroupColumn.skips, multi)] = 0xff;
  skips[at(GroupColumn.skips, multi) + 1] = 0xff;
  skips[at(GroupColumn.skips, multi) + 2] = 0x7f;
  refusedAt('skips', groupOf(multi), { skips });
  // A group window that descends, or runs past its column's total.
  const descending = f.groups.slice();
  descending[layout.at(GroupColumn.positions, 2)] = at(GroupColumn.positions, 1) - 1;
  refusedAt('termGroups', groupOf(1), { groups: descending });
  const past = f.groups.slice();
  past[layout.at(GroupColumn.skips, 1)] = f.totals[GroupColumn.skips]! + 5;
  refusedAt('termGroups', groupOf(0), { groups: past });
  // Trailing bytes: a table window one byte longer than the group's entries.
  const longer = f.groups.slice();
  longer[layout.at(GroupColumn.termTable, 1)] = at(GroupColumn.termTable, 1) + 1;
  refusedAt('termTable', groupOf(0), { groups: longer });
});

test.run();
