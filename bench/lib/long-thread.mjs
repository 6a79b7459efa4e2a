/**
 * §5 long threads: a page whose snippet opens a thread of N items (data-initial-thread). The frame loads the
 * newest page at boot; we then click the launcher and time pointerdown → the frame after the newest message is
 * in view with the composer focused. Then DOM nodes in the thread view and the frame's JS heap (after a GC),
 * a scroll to the very first item (scrolling up frame by frame, older pages loading as the top nears) and back
 * to the bottom, with rAF frame times for both.
 */
import { newContext, waitFor, widgetFrame } from './browser.mjs';
import { recordNetwork } from './network.mjs';
import { installProbe } from './probe.mjs';
import { frameStats, medianOf, round } from './stats.mjs';

/** Pixels scrolled per frame: a brisk fling, so the windowing is exercised at speed. */
const STEP = 1200;

/** Runs in the frame: DOM size of the thread view. */
function countNodes() {
  const view = document.querySelector('.ck-thread');
  if (!view) return null;
  let all = 0;
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) all++;
  const rows = view.querySelectorAll('.ck-row');
  return { elements: view.getElementsByTagName('*').length, nodes: all + 1, rows: rows.length, document: document.getElementsByTagName('*').length, firstRow: rows[0]?.getAttribute('data-key') ?? null };
}

/** Runs in the frame: scroll up (`dir` -1) until `key` is in view, or down (+1) until the bottom holds. */
async function scrollThread({ dir, key, step, timeout }) {
  const view = document.querySelector('.ck-thread');
  const frames = [];
  const t0 = performance.now();
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  let settled = 0;
  while (performance.now() - t0 < timeout) {
    frames.push(await raf());
    if (dir < 0) {
      const row = view.querySelector(`[data-key="${key}"]`);
      if (row) {
        const r = row.getBoundingClientRect();
        const v = view.getBoundingClientRect();
        if (r.height > 0 && r.bottom > v.top && r.top < v.bottom) return { ok: true, ms: performance.now() - t0, frames };
      }
      view.scrollTop = Math.max(0, view.scrollTop - step);
    } else {
      const bottom = view.scrollHeight - view.scrollTop - view.clientHeight < 2;
      settled = bottom ? settled + 1 : 0;
      if (settled >= 3) return { ok: true, ms: performance.now() - t0, frames };
      view.scrollTop = Math.min(view.scrollHeight, view.scrollTop + step);
    }
  }
  return { ok: false, ms: performance.now() - t0, frames };
}

async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return round(usedSize / 1048576, 1);
}

async function measureOnce(browser, url, urls, { scroll, scrollTimeoutMs }) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, { openUntilKey: urls.longLastItemId });
    const page = await context.newPage();
    const net = recordNetwork(page);
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const frame = await widgetFrame(page);
    await waitFor(frame, () => window.__bench.launcherPaintedAt, undefined, 20_000, 'the launcher');
    // The thread loads at boot (threads.get_by_id, then the newest page): wait for both answers.
    const isBackend = (u) => u.includes('/long/chatkit');
    const deadline = Date.now() + 15_000;
    while (net.count(isBackend) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    const cdp = await context.newCDPSession(frame);
    await frame.locator('.ck-launcher').click();
    // A view that never reaches the newest message is a result (reported), not a harness failure.
    const open = await waitFor(frame, () => window.__bench.opens[0]?.doneAt && window.__bench.opens[0], undefined, 10_000, 'the newest messages').catch(() => null);
    await new Promise((r) => setTimeout(r, 1000));
    // Does the view stay on the newest message a second later (no unrequested scroll, no older page pulled in)?
    const stays = await frame.evaluate((key) => {
      const row = document.querySelector(`[data-key="${key}"]`);
      const view = document.querySelector('.ck-thread');
      if (!row || !view) return false;
      const r = row.getBoundingClientRect();
      const v = view.getBoundingClientRect();
      return r.bottom > v.top && r.top < v.bottom;
    }, urls.longLastItemId);
    const olderPagesOnOpen = net.count(isBackend) - 2;
    const atOpen = await frame.evaluate(countNodes);
    const heapAtOpen = await heapMB(cdp);
    const base = {
      openMs: open ? round(open.doneAt - open.startAt, 1) : null,
      newestShown: !!open,
      newestStillInViewAfter1s: stays,
      olderPagesLoadedOnOpen: olderPagesOnOpen,
      threadElements: atOpen?.elements ?? null,
      threadNodes: atOpen?.nodes ?? null,
      rowsInDom: atOpen?.rows ?? null,
      heapMB: heapAtOpen,
    };
    if (!scroll) return base;
    const timeout = scrollTimeoutMs;
    const up = await frame.evaluate(scrollThread, { dir: -1, key: urls.longFirstItemId, step: STEP, timeout });
    const atTop = await frame.evaluate(countNodes);
    const heapAtTop = await heapMB(cdp);
    const down = await frame.evaluate(scrollThread, { dir: 1, key: null, step: STEP, timeout });
    const atBottom = await frame.evaluate(countNodes);
    const upStats = frameStats(up.frames);
    const downStats = frameStats(down.frames);
    return {
      ...base,
      reachedTop: up.ok,
      // How far up the scroll got: the index of the oldest row in the DOM (0 = the thread's first item).
      oldestRowAtTop: atTop?.firstRow ? Number(atTop.firstRow.replace(/\D/g, '')) : null,
      scrollUpMs: round(up.ms, 0),
      scrollUpPages: net.count(isBackend) - 2 - olderPagesOnOpen,
      scrollUpLongestFrameMs: upStats.longest,
      scrollUpP95FrameMs: upStats.p95,
      scrollUpFramesOver50: upStats.over50,
      threadElementsAtTop: atTop?.elements ?? null,
      rowsInDomAtTop: atTop?.rows ?? null,
      heapAtTopMB: heapAtTop,
      reachedBottom: down.ok,
      scrollDownMs: round(down.ms, 0),
      scrollDownLongestFrameMs: downStats.longest,
      scrollDownP95FrameMs: downStats.p95,
      scrollDownFramesOver50: downStats.over50,
      threadElementsAtBottom: atBottom?.elements ?? null,
      frameDocumentElements: atBottom?.document ?? null,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs the suite: every run opens the thread; the first `scrollRuns` runs also scroll to the top and back
 * (each scroll gives up after `scrollTimeoutMs` and says how far it got).
 */
export async function runLongThread({ browser, urls, pages, runs, items, scrollRuns, scrollTimeoutMs, log }) {
  const raw = [];
  for (let r = 0; r < runs; r++) {
    const scroll = r < scrollRuns;
    log(`  long thread (${items} items): run ${r + 1}/${runs}${scroll ? ' with scrolling' : ''}`);
    raw.push(await measureOnce(browser, pages.long, urls, { scroll, scrollTimeoutMs }).catch((e) => ({ error: String(e.message ?? e) })));
  }
  const ok = raw.filter((x) => !x.error);
  const scrolled = ok.filter((x) => 'reachedTop' in x);
  const median = medianOf(ok.map(({ openMs, threadElements, threadNodes, rowsInDom, heapMB, olderPagesLoadedOnOpen }) => ({ openMs, threadElements, threadNodes, rowsInDom, heapMB, olderPagesLoadedOnOpen })));
  return {
    items,
    newestNeverShown: ok.filter((x) => !x.newestShown).length,
    newestLeftView: ok.filter((x) => x.newestShown && !x.newestStillInViewAfter1s).length,
    median: median && { ...median, ...medianOf(scrolled.map(({ openMs, threadElements, threadNodes, rowsInDom, heapMB, olderPagesLoadedOnOpen, newestShown, newestStillInViewAfter1s, ...rest }) => rest)) },
    scrollRuns: scrolled.length,
    runs: raw,
    errors: raw.filter((x) => x.error).map((x) => x.error),
  };
}
