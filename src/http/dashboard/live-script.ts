/**
 * The dashboard's only client script, served from the package (no CDN): every two seconds it
 * fetches the page again and swaps in the regions marked `data-live`, unless the keyboard focus is
 * inside one (a half-typed answer is never lost). Everything else is plain HTML forms, so the
 * dashboard works without it, only not live.
 */
export const LIVE_SCRIPT = `(() => {
  const every = 2000;
  const status = document.getElementById('live-status');
  let paused = false;
  const toggle = document.getElementById('live-toggle');
  if (toggle) toggle.addEventListener('click', () => {
    paused = !paused;
    toggle.setAttribute('aria-pressed', String(paused));
    toggle.textContent = paused ? 'Resume live updates' : 'Pause live updates';
  });
  async function refresh() {
    if (paused || document.hidden) return;
    try {
      const res = await fetch(location.href, { headers: { 'x-dashboard-refresh': '1' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const next = new DOMParser().parseFromString(await res.text(), 'text/html');
      for (const region of document.querySelectorAll('[data-live][id]')) {
        if (region.contains(document.activeElement) && document.activeElement !== document.body) continue;
        const fresh = next.getElementById(region.id);
        if (fresh && fresh.innerHTML !== region.innerHTML) region.innerHTML = fresh.innerHTML;
      }
      if (status) status.textContent = 'Live: updated ' + new Date().toLocaleTimeString();
    } catch (error) {
      if (status) status.textContent = 'Live updates failed (' + error.message + '); retrying';
    }
  }
  setInterval(refresh, every);
})();
`;

export const DASHBOARD_CSS = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.4; color: #1f2328; background: #fff; }
body { margin: 0; }
header { background: #24292f; color: #fff; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
header a { color: #fff; }
header .note { color: #d0d7de; }
header nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
header a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 3px; }
main { padding: 1rem; max-width: 90rem; }
section { margin-bottom: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
pre { background: #f6f8fa; padding: .5rem; overflow: auto; white-space: pre-wrap; word-break: break-all; max-height: 30rem; }
form.inline { display: inline-flex; gap: .4rem; align-items: end; flex-wrap: wrap; margin: .2rem .5rem .2rem 0; }
fieldset { border: 1px solid #d0d7de; margin: 0 0 .5rem; }
label { display: inline-flex; flex-direction: column; font-size: .85rem; }
button { font: inherit; padding: .25rem .7rem; border: 1px solid #1f2328; border-radius: 4px; background: #f6f8fa; color: #1f2328; cursor: pointer; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.state { display: inline-block; padding: 0 .4rem; border-radius: 1rem; font-size: .8rem; border: 1px solid; }
.state-queued { color: #6e5600; background: #fff8c5; }
.state-in_progress { color: #0550ae; background: #ddf4ff; }
.state-completed { color: #116329; background: #dafbe1; }
.state-failed, .state-timed_out { color: #a40e26; background: #ffebe9; }
.state-waiting_for_user, .state-idle { color: #8250df; background: #fbefff; }
.state-cancelled { color: #57606a; background: #f6f8fa; }
.note { color: #57606a; font-size: .85rem; }
.why { background: #ddf4ff; border-left: 4px solid #0969da; padding: .5rem; }
.error { color: #a40e26; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
