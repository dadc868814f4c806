/**
 * Working arrays reused from one pass to the next. A fresh state-sized typed array
 * costs far more than the loop that fills it (the memory is zeroed and faulted in
 * page by page: ~60 ms against ~5 ms for 4 million numbers), and the engine needs
 * dozens per analysis. The passes never run inside one another, so they share a few
 * numbered slots: within a pass every array takes its own slot, and the memory held
 * is that of the hungriest pass, not of all of them. Contents are left over from the
 * last use, so callers initialise them. Held weakly: the next full collection after
 * an analysis gives the memory back.
 */
const slots: (WeakRef<ArrayBuffer> | undefined)[] = [];

function buffer(slot: number, bytes: number): ArrayBuffer {
  const old = slots[slot]?.deref();
  if (old !== undefined && old.byteLength >= bytes) return old;
  // Drop the old one before allocating the larger: both alive at once would be the peak.
  slots[slot] = undefined;
  const fresh = new ArrayBuffer(Math.max(bytes, 8));
  slots[slot] = new WeakRef(fresh);
  return fresh;
}

/** An Int32Array of `length` in scratch slot `slot`, contents undefined. */
export function scratchInt32(slot: number, length: number): Int32Array {
  return new Int32Array(buffer(slot, length * 4), 0, length);
}

/** A Float64Array of `length` in scratch slot `slot`, contents undefined. */
export function scratchFloat64(slot: number, length: number): Float64Array {
  return new Float64Array(buffer(slot, length * 8), 0, length);
}

/** A Uint8Array of `length` in scratch slot `slot`, contents undefined. */
export function scratchUint8(slot: number, length: number): Uint8Array {
  return new Uint8Array(buffer(slot, length), 0, length);
}
