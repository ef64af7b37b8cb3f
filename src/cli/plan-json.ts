/**
 * Elements of a top-level array stringified together: enough that native code does the work, few enough that a
 * piece (~1 KB an issue) stays under V8's 128 KB large-object size, so it dies young instead of waiting for a
 * full collection (at 256 a piece, writing a 20,000-issue plan raised peak RSS by ~17 MB).
 */
const ELEMENTS_PER_PIECE = 64;
/** Pieces are handed to `write` in about this many characters: a few hundred writes for a 20,000-issue plan. */
const FLUSH_AT = 64 * 1024;

/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, but piece by piece: top-level arrays go out a few
 * hundred elements at a time, so a 20,000-issue plan never exists as one 23 MB string. Each run of elements is
 * stringified by `JSON.stringify` inside a wrapper at the right depth, so the indentation comes out natively
 * rather than by rewriting every line.
 */
export function writeJson(value: object, write: (chunk: string) => void): void {
  for (const chunk of jsonChunks(value)) write(chunk);
}

/**
 * `writeJson` to a writer that can fall behind (stdout into a pipe): after each chunk, waits for `drained`, so
 * a slow reader gets the plan a chunk at a time rather than the whole text queued in memory (writing a
 * 20,000-issue plan in one go into a pipe queued all 23 MB of it).
 */
export async function writeJsonPaced(
  value: object,
  write: (chunk: string) => void,
  drained: () => Promise<void>,
): Promise<void> {
  for (const chunk of jsonChunks(value)) {
    write(chunk);
    await drained();
  }
}

/**
 * `writeJson`'s chunks, made one at a time as they are asked for: a writer that must wait for a slow reader
 * (a pipe) pauses between chunks instead of queueing the whole text.
 */
export function* jsonChunks(value: object): Generator<string, void, undefined> {
  let pending = '';
  const entries = Object.entries(value).filter(([, each]) => each !== undefined);
  for (const piece of jsonPieces(entries)) {
    pending += piece;
    if (pending.length >= FLUSH_AT) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

function* jsonPieces(entries: [string, unknown][]): Generator<string, void, undefined> {
  yield '{';
  for (const [index, [key, each]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(each) && each.length > 0) {
      for (let start = 0; start < each.length; start += ELEMENTS_PER_PIECE) {
        yield start === 0 ? '[' : ',';
        yield elementsAtDepthTwo(each.slice(start, start + ELEMENTS_PER_PIECE));
      }
      yield '\n  ]';
    } else {
      yield (JSON.stringify(each, null, 2) ?? 'null').replace(/\n/g, '\n  ');
    }
  }
  yield entries.length === 0 ? '}' : '\n}';
}

const WRAPPER_START = '{\n  "_": ['.length;
const WRAPPER_END = '\n  ]\n}'.length;

/** `"\n    <element>,\n    <element>"`: the elements as they sit in an array that is a top-level value. */
function elementsAtDepthTwo(elements: unknown[]): string {
  const text = JSON.stringify({ _: elements }, null, 2);
  return text.slice(WRAPPER_START, text.length - WRAPPER_END);
}
