/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, but piece by piece: top-level arrays go out one
 * element at a time, so a 20,000-issue plan never exists as one 14 MB string (tens of MB of peak memory saved).
 */
export function writeJson(value: object, write: (chunk: string) => void): void {
  const entries = Object.entries(value).filter(([, each]) => each !== undefined);
  write('{');
  entries.forEach(([key, each], index) => {
    write(`${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(each) && each.length > 0) {
      write('[');
      each.forEach((element: unknown, position) => {
        const text = JSON.stringify(element, null, 2) ?? 'null';
        write(`${position === 0 ? '' : ','}\n    ${text.replace(/\n/g, '\n    ')}`);
      });
      write('\n  ]');
    } else {
      write((JSON.stringify(each, null, 2) ?? 'null').replace(/\n/g, '\n  '));
    }
  });
  write(entries.length === 0 ? '}' : '\n}');
}
