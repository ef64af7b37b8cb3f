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
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= FLUSH_AT) {
      write(pending);
      pending = '';
    }
  };
  const entries = Object.entries(value).filter(([, each]) => each !== undefined);
  emit('{');
  entries.forEach(([key, each], index) => {
    emit(`${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(each) && each.length > 0) {
      for (let start = 0; start < each.length; start += ELEMENTS_PER_PIECE) {
        emit(start === 0 ? '[' : ',');
        emit(elementsAtDepthTwo(each.slice(start, start + ELEMENTS_PER_PIECE)));
      }
      emit('\n  ]');
    } else {
      emit((JSON.stringify(each, null, 2) ?? 'null').replace(/\n/g, '\n  '));
    }
  });
  emit(entries.length === 0 ? '}' : '\n}');
  if (pending !== '') write(pending);
}

const WRAPPER_START = '{\n  "_": ['.length;
const WRAPPER_END = '\n  ]\n}'.length;

/** `"\n    <element>,\n    <element>"`: the elements as they sit in an array that is a top-level value. */
function elementsAtDepthTwo(elements: unknown[]): string {
  const text = JSON.stringify({ _: elements }, null, 2);
  return text.slice(WRAPPER_START, text.length - WRAPPER_END);
}
