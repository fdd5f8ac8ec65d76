// A growable byte buffer with LEB128 varints and UTF-8 text: how postings, positions and stored
// fields are written.
// Reading is done inline by the hot loops (see posting-blocks.ts), not here.

const encoder = new TextEncoder();

/** Writes `value` as an unsigned LEB128 varint at buf[p] (room is the caller's); returns the offset after it. */
export function putVarint(buf: Uint8Array, p: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    buf[p++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[p++] = v;
  return p;
}

/** Appends bytes and unsigned varints (values up to 2^32 - 1) to a buffer that doubles as it fills. */
export class ByteWriter {
  #buf: Uint8Array;
  #length = 0;
  /** Set when finish() handed the buffer itself over: a reset writer must not write into it. */
  #handedOver = false;

  constructor(initialCapacity = 1024) {
    this.#buf = new Uint8Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.#length;
  }

  #ensure(extra: number): void {
    const need = this.#length + extra;
    if (need <= this.#buf.length) return;
    let cap = this.#buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.#buf.subarray(0, this.#length));
    this.#buf = next;
  }

  /** Unsigned LEB128: 7 bits a byte, high bit set while more bytes follow. */
  varint(value: number): void {
    this.#ensure(5);
    const buf = this.#buf;
    let p = this.#length;
    let v = value >>> 0;
    while (v >= 0x80) {
      buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[p++] = v;
    this.#length = p;
  }

  /** Unsigned LEB128 of a non-negative safe integer, by arithmetic (bit operations stop at 32 bits). */
  safeVarint(value: number): void {
    this.#ensure(8);
    const buf = this.#buf;
    let p = this.#length;
    let v = value;
    while (v >= 0x80) {
      buf[p++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    buf[p++] = v;
    this.#length = p;
  }

  /** One byte (the low 8 bits of `value`). */
  byte(value: number): void {
    this.#ensure(1);
    this.#buf[this.#length++] = value;
  }

  bytes(src: Uint8Array): void {
    this.#ensure(src.length);
    this.#buf.set(src, this.#length);
    this.#length += src.length;
  }

  /**
   * The buffer with room for `extra` more bytes after `length`, for a caller that writes several
   * values with one capacity check; {@link commit} then sets the new length. The array is only
   * valid until the next write.
   */
  reserve(extra: number): Uint8Array {
    this.#ensure(extra);
    return this.#buf;
  }

  /** Sets the length after writing into the array of {@link reserve} (never beyond what it reserved). */
  commit(length: number): void {
    this.#length = length;
  }

  /**
   * Appends `text` as UTF-8, encoded in place (no intermediate array per string). The buffer grows
   * only when the text does not fit, so a writer sized for its texts (ASCII: one byte a unit) never
   * grows, and {@link finish} then hands over its buffer.
   */
  utf8(text: string): void {
    const done = encoder.encodeInto(text, this.#buf.subarray(this.#length));
    this.#length += done.written;
    if (done.read === text.length) return;
    // encodeInto stops before a character that does not fit (never inside a surrogate pair). A
    // UTF-16 unit never takes more than 3 UTF-8 bytes (a surrogate pair takes 4 for 2 units).
    const rest = text.slice(done.read);
    this.#ensure(rest.length * 3);
    this.#length += encoder.encodeInto(rest, this.#buf.subarray(this.#length)).written;
  }

  /**
   * What was written, right-sized: the buffer itself when it is exactly full, else a copy. With
   * `padding`, always a copy with that many zero bytes after what was written.
   */
  finish(padding = 0): Uint8Array {
    if (padding === 0 && this.#length === this.#buf.length) {
      this.#handedOver = true;
      return this.#buf;
    }
    const out = new Uint8Array(this.#length + padding);
    out.set(this.#buf.subarray(0, this.#length));
    return out;
  }

  /** Empties the writer for reuse, keeping its capacity (a buffer finish() handed over is not reused). */
  reset(): void {
    if (this.#handedOver) {
      this.#buf = new Uint8Array(this.#buf.length);
      this.#handedOver = false;
    }
    this.#length = 0;
  }
}

/** Reads varints sequentially; small and monomorphic so V8 inlines it into the decoding loops. */
export class ByteReader {
  readonly bytes: Uint8Array;
  pos: number;

  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  varint(): number {
    const bytes = this.bytes;
    let b = bytes[this.pos++]!;
    let v = b & 0x7f;
    if (b < 0x80) return v;
    b = bytes[this.pos++]!;
    v |= (b & 0x7f) << 7;
    if (b < 0x80) return v;
    b = bytes[this.pos++]!;
    v |= (b & 0x7f) << 14;
    if (b < 0x80) return v;
    b = bytes[this.pos++]!;
    v |= (b & 0x7f) << 21;
    if (b < 0x80) return v;
    b = bytes[this.pos++]!;
    // The fifth byte carries the top 4 bits; `>>> 0` keeps values ≥ 2^31 positive.
    return (v | ((b & 0x0f) << 28)) >>> 0;
  }
}
