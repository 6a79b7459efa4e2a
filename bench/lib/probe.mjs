/**
 * Browser-side instrumentation, installed with `context.addInitScript(installProbe, cfg)` so it runs before any
 * page script, in the host page and in the widget frame (CDP-injected scripts are not subject to the frame's
 * CSP). Everything lands on `window.__bench`; times called `…At` are absolute (`performance.timeOrigin +
 * performance.now()`, the same clock in every process and in Node), other times are page-relative.
 *
 * cfg: { visibility?: 'chatkit'|'typebot'|'flowise'|'botpress'|'none', openUntilKey?: string,
 *        stream?: { milestones: number[], sentinel: string } }
 */

/** Runs in the page: must be self-contained (it is serialised). */
export function installProbe(cfg) {
  const top = window === window.top;
  const widget = !top && /\/frame\.html$/.test(location.pathname);
  if (!top && !widget) return;
  const abs = () => performance.timeOrigin + performance.now();
  // After the frame that shows the change has been produced: rAF runs before paint, a message task after it.
  const afterPaint = (fn) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => fn(abs());
      ch.port2.postMessage(0);
    });
  const b = (window.__bench = { top, longTasks: [], cls: 0, shifts: [], opens: [], marks: {}, frames: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  // rAF timestamps while recording (frame times); each `watch` check runs once per frame until it returns true.
  let checks = [];
  let scheduled = false;
  const recording = () => !!(b.frames && b.frames.on);
  const loop = (ts) => {
    scheduled = false;
    if (recording() && b.frames.n < b.frames.ts.length) b.frames.ts[b.frames.n++] = ts;
    checks = checks.filter((c) => !c());
    if (recording() || checks.length) ensureLoop();
  };
  const ensureLoop = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(loop);
  };
  const watch = (c) => {
    checks.push(c);
    ensureLoop();
  };
  b.startFrames = () => {
    b.frames = { on: true, n: 0, ts: new Float64Array(200000) };
    ensureLoop();
  };
  b.stopFrames = () => {
    if (!b.frames) return [];
    b.frames.on = false;
    return Array.from(b.frames.ts.subarray(0, b.frames.n));
  };

  if (top) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          b.cls += e.value;
          b.shifts.push({ t: e.startTime, v: e.value, nodes: (e.sources || []).map((s) => (s.node && s.node.nodeName) || '?') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    } catch {}
    addEventListener('load', () => {
      b.loadAt = performance.now();
      performance.mark('bench-load');
    });
    if (cfg.visibility && cfg.visibility !== 'none') {
      // Whatever sits where every launcher goes (bottom right): once it is not the page's own content, the
      // launcher is there; for us the frame reports separately when its button has painted.
      const launcherThere = () => {
        const x = innerWidth - 44;
        const y = innerHeight - 44;
        let el = document.elementFromPoint(x, y);
        // Into open shadow roots (the peers' custom elements), down to the element actually drawn there.
        while (el && el.shadowRoot) {
          const inner = el.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === el) break;
          el = inner;
        }
        if (!el || el === document.body || el === document.documentElement) return false;
        if (el.closest('header.site, main, footer')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && Number(getComputedStyle(el).opacity) > 0;
      };
      watch(() => {
        if (!document.body || !launcherThere()) return false;
        afterPaint((t) => (b.launcherAt = t));
        return true;
      });
    }
  }

  if (widget) {
    watch(() => {
      if (!document.querySelector('.ck-launcher')) return false;
      afterPaint((t) => (b.launcherPaintedAt = t));
      return true;
    });
    // Open latency: from the pointerdown on the launcher (its event timestamp) to the frame after the composer
    // is focused in a grown iframe (and, for long threads, the newest message is in view).
    document.addEventListener('pointerdown', (e) => {
      const target = e.target;
      if (!(target instanceof Element) || !target.closest('.ck-launcher') || document.querySelector('.ck-panel')) return;
      const record = { startAt: performance.timeOrigin + e.timeStamp, kind: b.opens.length ? 'warm' : 'cold' };
      b.opens.push(record);
      watch(() => {
        const input = document.querySelector('.ck-input');
        if (!input || document.activeElement !== input || innerHeight < 200) return false;
        if (cfg.openUntilKey) {
          const row = document.querySelector(`[data-key="${cfg.openUntilKey}"]`);
          const view = document.querySelector('.ck-thread');
          if (!row || !view) return false;
          const r = row.getBoundingClientRect();
          const v = view.getBoundingClientRect();
          if (r.height === 0 || r.bottom <= v.top || r.top >= v.bottom) return false;
        }
        afterPaint((t) => (record.doneAt = t));
        return true;
      });
    }, true);

    if (cfg.stream) {
      // Count text_delta events as the SSE decoder sees them (the client decodes with TextDecoder) and mark the
      // milestones: absolute time, plus a binding the harness answers with the frame's CDP metrics.
      const next = [...cfg.stream.milestones].sort((x, y) => x - y);
      const decode = TextDecoder.prototype.decode;
      b.deltas = 0;
      TextDecoder.prototype.decode = function (...args) {
        const s = decode.apply(this, args);
        if (s.length > 40 && next.length) {
          for (let i = s.indexOf('text_delta'); i !== -1; i = s.indexOf('text_delta', i + 10)) {
            b.deltas++;
            if (b.deltas === next[0]) {
              next.shift();
              b.marks[b.deltas] = abs();
              if (window.__benchMilestone) window.__benchMilestone(b.deltas);
            }
          }
        } else if (s.length > 40) {
          for (let i = s.indexOf('text_delta'); i !== -1; i = s.indexOf('text_delta', i + 10)) b.deltas++;
        }
        return s;
      };
      b.watchFinal = () =>
        watch(() => {
          const view = document.querySelector('.ck-thread');
          if (!view || view.getAttribute('aria-busy') !== 'false' || !b.deltas) return false;
          const rows = view.querySelectorAll('.ck-row');
          const last = rows[rows.length - 1];
          if (!last || !last.textContent.includes(cfg.stream.sentinel)) return false;
          afterPaint((t) => (b.finalRenderAt = t));
          return true;
        });
    }
  }
}
