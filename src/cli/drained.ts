import type { Writable } from 'node:stream';

/**
 * Resolves once `stream` has passed on what it queued (at once when nothing waits). Rejects if the stream fails
 * or closes first: a reader that went away must not leave the CLI waiting for ever.
 */
export function drained(stream: Writable): Promise<void> {
  // A destroyed stream never needs a drain (Node reports false), yet takes nothing more: say so at once.
  if (stream.destroyed) return Promise.reject(stream.errored ?? closedEarly());
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(closedEarly());
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

function closedEarly(): Error {
  return new Error('the output closed before the answer was written');
}
