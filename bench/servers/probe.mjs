// @ts-check
// Shared by both benchmark servers: answers the runner's questions over the IPC channel, so the
// measuring code never shares an event loop with the server it measures.

/** @param {{ port: number }} ready */
export function reportReady(ready) {
  process.send?.({ type: 'ready', ...ready });
  process.on('message', (/** @type {{ type: string }} */ message) => {
    if (message.type !== 'memory') return;
    // Two full collections, so what is left is what the process holds on to.
    globalThis.gc?.();
    globalThis.gc?.();
    process.send?.({ type: 'memory', gc: typeof globalThis.gc === 'function', ...process.memoryUsage() });
  });
  process.on('disconnect', () => process.exit(0));
}

/** The options the runner passed as one JSON argument. */
export function readOptions() {
  return JSON.parse(process.argv[2] ?? '{}');
}
