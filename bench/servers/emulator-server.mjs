// @ts-check
// The emulator as users run it: plain node on the built dist (npm run build), no loader between.
// Started by bench/lib/spawn-server.ts in its own process.
import { serve } from '@hono/node-server';
import { createEmulator } from '../../dist/index.js';
import { readOptions, reportReady } from './probe.mjs';

const { port, ...options } = readOptions();
// The secondary limit (80 creates a minute per token) would turn the create benchmark into a
// benchmark of 403s; primary counting stays on (bench/fixtures raises the quota instead).
const emulator = createEmulator({
  rateLimits: { secondary: { limit: null } },
  ...options,
  logError: (/** @type {unknown} */ e) => console.error(e),
});
const server = serve({ fetch: emulator.app.fetch, port, hostname: '127.0.0.1' }, (info) => reportReady({ port: info.port }));
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
