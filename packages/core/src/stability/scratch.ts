/**
 * Working arrays reused from one pass to the next. A fresh state-sized typed array
 * costs far more than the loop that fills it (the memory is zeroed and faulted in
 * page by page: ~60 ms against ~5 ms for 4 million numbers), and the engine needs
 * dozens per analysis. Each call site names its own array, so two live uses never
 * share one; the contents are left over from the last use, so callers initialise
 * them. Held weakly: an idle process gives the memory back at the next collection.
 */
const pool = new Map<string, WeakRef<ArrayBuffer>>();

function buffer(name: string, bytes: number): ArrayBuffer {
  const old = pool.get(name)?.deref();
  if (old !== undefined && old.byteLength >= bytes) return old;
  const fresh = new ArrayBuffer(Math.max(bytes, 8));
  pool.set(name, new WeakRef(fresh));
  return fresh;
}

/** An Int32Array of `length` for the call site `name`, contents undefined. */
export function scratchInt32(name: string, length: number): Int32Array {
  return new Int32Array(buffer(name, length * 4), 0, length);
}

/** A Float64Array of `length` for the call site `name`, contents undefined. */
export function scratchFloat64(name: string, length: number): Float64Array {
  return new Float64Array(buffer(name, length * 8), 0, length);
}

/** A Uint8Array of `length` for the call site `name`, contents undefined. */
export function scratchUint8(name: string, length: number): Uint8Array {
  return new Uint8Array(buffer(name, length), 0, length);
}
