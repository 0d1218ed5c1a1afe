/** @jsxImportSource hono/jsx */
import type { Tenant } from '../../tenants/tenant.js';
import { Layout, iso, type PageContext } from './layout.js';

export function TenantsPage(props: { page: PageContext; tenants: Tenant[] }) {
  return (
    <Layout page={props.page} title="Tenants" current="tenants">
      <section aria-labelledby="tenants-heading" id="tenants-region" data-live>
        <h2 id="tenants-heading">{props.tenants.length} alive</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col">Clock</th>
              <th scope="col">Now</th>
              <th scope="col">Tasks</th>
              <th scope="col">Journaled requests</th>
            </tr>
          </thead>
          <tbody>
            {props.tenants.map((t) => {
              const base = t.name === 'default' ? '/_emulator/ui' : `/t/${encodeURIComponent(t.name)}/_emulator/ui`;
              return (
                <tr>
                  <td>
                    <a href={base}>{t.name}</a>
                  </td>
                  <td>{t.clock.mode}</td>
                  <td>{iso(t.clock.now())}</td>
                  <td>{t.world.store.count()}</td>
                  <td>{t.journal.size}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

/** Asked for when the emulator has a --control-token: nothing is shown or done without it. */
export function LoginPage(props: { page: PageContext; failed: boolean; back: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Control token needed · agent-tasks-emulator</title>
        <link rel="stylesheet" href={`${props.page.base}/assets/dashboard.css`} />
      </head>
      <body>
        <main>
          <h1>Control token needed</h1>
          <p>This emulator was started with --control-token. Enter it to use the dashboard.</p>
          {props.failed ? (
            <p role="alert" class="error">
              That is not the control token.
            </p>
          ) : (
            ''
          )}
          <form method="post" action={`${props.page.base}/login`}>
            <input type="hidden" name="back" value={props.back} />
            <label>
              Control token
              <input type="password" name="token" autocomplete="current-password" required />
            </label>
            <button type="submit">Open the dashboard</button>
          </form>
        </main>
      </body>
    </html>
  );
}
