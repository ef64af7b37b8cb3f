import { Writable } from 'node:stream';
import { drained } from '../../src/cli/drained';

/** A writer whose reader never reads: one write past its small buffer leaves it needing a drain. */
function stalledWriter(): Writable {
  const stream = new Writable({ highWaterMark: 4, write: () => undefined });
  stream.on('error', () => undefined);
  return stream;
}

describe('drained', () => {
  it('rejects at once when the output was already destroyed, so the CLI stops writing into it', async () => {
    const stream = stalledWriter();
    stream.write('more than four');
    stream.destroy(new Error('write EPIPE'));
    await new Promise((resolve) => stream.once('close', resolve));

    await expect(drained(stream)).rejects.toThrow('write EPIPE');
  });

  it('rejects when the output closes while the answer waits for a drain', async () => {
    const stream = stalledWriter();
    stream.write('more than four');
    const waiting = drained(stream);
    stream.destroy();

    await expect(waiting).rejects.toThrow('the output closed before the answer was written');
  });

  it('resolves at once when nothing waits to be written', async () => {
    await expect(drained(stalledWriter())).resolves.toBeUndefined();
  });
});
