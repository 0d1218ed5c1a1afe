// Dropped and reset connections. Over a real socket (@hono/node-server hands the Node request to
// the app as c.env.incoming) the socket is closed or reset, so clients see exactly what they see
// when a connection dies. The port-less path (app.fetch / app.request) has no socket; there the
// app's fetch rejects with the TypeError Node's fetch (undici) raises in the same situation.
import type { Socket } from 'node:net';

const MARK = Symbol.for('agent-tasks-emulator.connection-fault');

export type ConnectionFaultKind = 'drop' | 'reset';

/** The error Node's fetch rejects with when the server closes (drop) or resets the connection. */
export function connectionFaultError(kind: ConnectionFaultKind): TypeError {
  const cause =
    kind === 'reset'
      ? Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' })
      : Object.assign(new Error('other side closed'), { name: 'SocketError', code: 'UND_ERR_SOCKET' });
  return Object.assign(new TypeError('fetch failed', { cause }), { [MARK]: kind });
}

/** True for the error above: app.onError lets it through so app.fetch rejects like fetch would. */
export function isConnectionFault(error: unknown): boolean {
  return typeof error === 'object' && error !== null && MARK in error;
}

/** The client's socket when the request came through a real server; undefined in process. */
export function socketOf(env: unknown): Socket | undefined {
  const incoming = (env as { incoming?: { socket?: Socket } } | undefined)?.incoming;
  return incoming?.socket ?? undefined;
}

/** Cuts the connection: destroy closes it (FIN), resetAndDestroy resets it (RST). */
export function cutSocket(socket: Socket, kind: ConnectionFaultKind): void {
  if (kind === 'reset') socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * The error reading a body raises when the client hung up before sending all of it: the request
 * is over, nobody reads the answer, and it is no error of the emulator's.
 */
export function isClientGone(error: unknown): boolean {
  const e = error as { message?: string; code?: string } | null;
  return e?.message === 'aborted' || e?.code === 'ECONNRESET' || e?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
