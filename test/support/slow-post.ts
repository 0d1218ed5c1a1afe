import { request } from 'node:http';
import { connect } from 'node:net';

/**
 * A request that is provably in flight: it sends `Expect: 100-continue`, and the server answering
 * "100 Continue" shows it has accepted the connection and parsed the headers. The body is held
 * back until `finish()`, so the test decides when the request may complete.
 */
export async function startSlowPost(url: string, body: string): Promise<{ finish(): Promise<{ status: number; text: string }> }> {
  const req = request(url, {
    method: 'POST',
    headers: {
      expect: '100-continue',
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000',
    },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
  });
  await new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    req.once('error', reject);
    req.flushHeaders();
  });
  return {
    finish() {
      req.end(body);
      return answer;
    },
  };
}

/** Whether something accepts TCP connections at host:port right now. */
export function isAccepting(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
