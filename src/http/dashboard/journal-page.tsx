/** @jsxImportSource hono/jsx */
import type { CapturedMessage, JournalEntry, JournalFilter } from '../../tenants/journal.js';
import { Layout, type PageContext } from './layout.js';

/** Entries shown at most, newest first. */
const JOURNAL_ROWS = 200;

export function JournalPage(props: { page: PageContext; entries: JournalEntry[]; filter: JournalFilter; capacity: number }) {
  const { page, filter } = props;
  const shown = props.entries.slice(-JOURNAL_ROWS).reverse();
  const field = (name: keyof JournalFilter, label: string, size = 12) => (
    <label>
      {label}
      <input name={name} value={filter[name] === undefined ? '' : String(filter[name])} size={size} />
    </label>
  );
  return (
    <Layout page={page} title="Request journal" current="journal">
      <p class="note">
        The last {props.capacity} API requests of this tenant (control requests are not journaled), with their headers and bodies;
        Authorization shows the token's kind and user, never the token.
      </p>
      <form method="get" action={`${page.base}/journal`} class="inline" aria-label="Filter the journal">
        {field('method', 'Method', 6)}
        {field('path', 'Path (prefix)', 30)}
        {field('status', 'Status', 4)}
        {field('user', 'User', 10)}
        {field('body', 'Request body contains', 24)}
        <button type="submit">Filter</button>
        <a href={`${page.base}/journal`}>Clear filters</a>
      </form>
      <section aria-labelledby="entries-heading" id="journal-region" data-live>
        <h2 id="entries-heading">
          {props.entries.length} requests{props.entries.length > shown.length ? ` (the latest ${shown.length} shown)` : ''}
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Emulator time</th>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">User</th>
              <th scope="col">Request body</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr>
                <td>
                  <a href={`${page.base}/journal/${e.id}`} aria-label={`Request ${e.id}: ${e.method} ${e.path}`}>
                    {e.id}
                  </a>
                </td>
                <td>{e.at}</td>
                <td>
                  <code>
                    {e.method} {e.path}
                    {e.query}
                  </code>
                  {e.fault ? <div class="note">fault {e.fault.ruleId} ({e.fault.kind})</div> : ''}
                </td>
                <td>{e.status === 0 ? 'cut' : e.status}</td>
                <td>{e.user ?? ''}</td>
                <td>
                  <code>{preview(e.request?.body)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

export function JournalEntryPage(props: { page: PageContext; entry: JournalEntry }) {
  const { entry } = props;
  return (
    <Layout page={props.page} title={`Request ${entry.id}: ${entry.method} ${entry.path}`} current="journal">
      <p>
        <a href={`${props.page.base}/journal`}>Back to the journal</a>
      </p>
      <dl>
        <dt>When (emulator time)</dt>
        <dd>{entry.at}</dd>
        <dt>Request</dt>
        <dd>
          <code>
            {entry.method} {entry.path}
            {entry.query}
          </code>
        </dd>
        <dt>Status</dt>
        <dd>{entry.status === 0 ? 'connection cut by a fault' : entry.status}</dd>
        <dt>User, tenant</dt>
        <dd>
          {entry.user ?? 'none (no known token)'}, {entry.tenant ?? ''}
        </dd>
        <dt>Duration</dt>
        <dd>{entry.durationMs} ms</dd>
        <dt>x-github-request-id</dt>
        <dd>{entry.requestId}</dd>
      </dl>
      <Message title="Request" message={entry.request} />
      <Message title="Response" message={entry.response} />
    </Layout>
  );
}

function Message(props: { title: string; message: CapturedMessage | undefined }) {
  const m = props.message;
  const id = props.title.toLowerCase();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{props.title}</h2>
      {!m ? (
        <p>Not captured.</p>
      ) : (
        <>
          <h3>Headers</h3>
          <table>
            <tbody>
              {Object.entries(m.headers).map(([name, value]) => (
                <tr>
                  <th scope="row">{name}</th>
                  <td>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Body</h3>
          {m.body === null ? (
            <p>{m.dropped ? 'Let go to keep the journal within its memory budget.' : 'None, or not read.'}</p>
          ) : (
            <>
              {m.truncated ? <p class="note">Cut at 8,192 characters of {m.bodyBytes} bytes.</p> : ''}
              <pre id={`${id}-body`}>{pretty(m.body)}</pre>
            </>
          )}
        </>
      )}
    </section>
  );
}

function preview(body: string | null | undefined): string {
  if (!body) return '';
  return body.length > 80 ? `${body.slice(0, 80)}…` : body;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
