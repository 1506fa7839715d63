import { abortError } from '@lassonet/core';

export { abortError };

// Long enough that yielding costs little, short enough that a page, a progress bar or an
// abort button stay responsive while a path trains.
const YIELD_EVERY_MS = 50;

/**
 * One turn of the event loop: setImmediate under Node; a MessageChannel message in browsers and
 * workers, which, unlike setTimeout, is not clamped or throttled in background tabs.
 */
function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (callback: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const immediate = g.setImmediate;
    return new Promise((resolve) => {
      immediate(resolve);
    });
  }
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Called between epochs: gives the event loop a turn now and then (timers, UI events and
 * abort() calls run there) and throws an AbortError once the signal has fired.
 */
export class Pacer {
  private last = performance.now();

  constructor(private readonly signal: AbortSignal | undefined) {}

  async tick(): Promise<void> {
    this.check();
    const now = performance.now();
    if (now - this.last >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      this.last = performance.now();
      this.check();
    }
  }

  check(): void {
    if (this.signal?.aborted) throw abortError(this.signal);
  }
}
