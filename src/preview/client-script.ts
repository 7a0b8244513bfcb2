import { createHash } from 'node:crypto';

/**
 * The one script of the preview pages, inline. It listens on `/events`;
 * after a rebuild or a population run it fetches the page it shows again
 * and swaps in the parts that changed (navigation, status bar, content),
 * so the page follows the files without a reload and without flicker.
 * It also sizes email frames to their content and sends the member form
 * when its choice changes.
 */
export const clientScript = `
(() => {
  const body = document.body;
  let busy = false;
  let again = false;

  const fitFrames = () => {
    for (const frame of document.querySelectorAll('iframe[data-fit]')) {
      const fit = () => {
        const page = frame.contentDocument?.body;
        if (page) frame.style.height = Math.max(page.scrollHeight, 120) + 'px';
      };
      frame.addEventListener('load', fit);
      fit();
    }
    for (const select of document.querySelectorAll('select[data-submit]')) {
      select.addEventListener('change', () => select.form?.requestSubmit());
    }
  };

  const swap = (next) => {
    for (const id of ['nav', 'status', 'content']) {
      const now = document.getElementById(id);
      const then = next.getElementById(id);
      if (now && then && now.innerHTML !== then.innerHTML) {
        now.innerHTML = then.innerHTML;
      }
    }
    document.title = next.title;
    body.dataset.version = next.body.dataset.version ?? '';
    fitFrames();
  };

  const refresh = async () => {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      const text = await response.text();
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
        swap(new DOMParser().parseFromString(text, 'text/html'));
      }
    } catch {
      // The server is gone for now; the event stream reconnects.
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  };

  const live = document.getElementById('live');
  const events = new EventSource('/events');
  events.addEventListener('open', () => live?.classList.add('connected'));
  events.addEventListener('error', () => live?.classList.remove('connected'));
  events.addEventListener('hello', (event) => {
    if (JSON.parse(event.data).version !== Number(body.dataset.version)) refresh();
  });
  events.addEventListener('build', refresh);
  events.addEventListener('population', refresh);
  fitFrames();
})();
`;

/** The Content-Security-Policy of every response. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(clientScript).digest('base64')}'`,
  // Email HTML carries its styles inline and in <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
