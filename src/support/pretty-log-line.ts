// One short line per event for a person at a terminal (--log-format pretty), coloured when the
// terminal takes colour. JSON lines (the default off a terminal) carry the same fields.

export type LogFormat = 'json' | 'pretty';
export const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];

const CODES = { dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const;
type Colour = keyof typeof CODES;

export function formatPrettyLine(time: number, level: string, msg: string, fields: Record<string, unknown> = {}, colour = true): string {
  const paint = (c: Colour, text: string) => (colour ? `\u001b[${CODES[c]}m${text}\u001b[0m` : text);
  const clock = paint('dim', new Date(time).toISOString().slice(11, 23));
  const { tenant, user, ...rest } = fields;
  const who = paint('dim', [tenant === undefined ? '' : `[${String(tenant)}]`, user === undefined ? '' : String(user)].filter(Boolean).join(' '));
  const tail = (line: string) => `${clock} ${line}${who ? ` ${who}` : ''}`;
  const f = rest as Record<string, string | number | undefined>;
  switch (msg) {
    case 'request': {
      const status = Number(f.status);
      const tint: Colour = status >= 500 ? 'red' : status >= 400 ? 'yellow' : 'green';
      return tail(`${String(f.method).padEnd(6)} ${f.path}${f.query ?? ''} ${paint(tint, String(status))} ${paint('dim', `${f.ms}ms`)}`);
    }
    case 'task started':
      return tail(`${paint('cyan', 'task')} ${short(f.task_id)} started on ${paint('magenta', String(f.scenario ?? 'no scenario'))} (chosen by ${f.chosen_by}) in ${f.repository}`);
    case 'task state changed':
      return tail(`${paint('cyan', 'task')} ${short(f.task_id)} ${f.from} → ${paint('blue', String(f.to))}: ${f.cause} ${paint('dim', `@${f.at}`)}`);
    case 'pull request produced':
      return tail(`${paint('cyan', 'task')} ${short(f.task_id)} produced pull request id ${f.pull_request_id}`);
    case 'branch produced':
      return tail(`${paint('cyan', 'task')} ${short(f.task_id)} produced branch ${f.head_ref} → ${f.base_ref}`);
    default: {
      const tint: Colour = level === 'error' ? 'red' : 'dim';
      const extras = Object.entries(rest)
        .filter(([, v]) => v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      return tail(`${level === 'info' ? '' : `${paint(tint, level)} `}${msg}${extras ? ` ${paint('dim', extras)}` : ''}`);
    }
  }
}

/** The first block of a task id: enough to tell tasks apart in a log. */
function short(id: unknown): string {
  return String(id).split('-')[0] ?? String(id);
}
