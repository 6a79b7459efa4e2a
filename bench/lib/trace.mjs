/**
 * Main-thread accounting from a Chromium trace (categories TRACE_CATEGORIES). A task is a top-level
 * `RunTask` on a renderer's main thread; a host task is attributed to the widget when anything inside it names a
 * widget URL (script evaluation, compilation, a function call, a stylesheet, a request the widget made). Layout
 * and paint the widget causes later, in the host's own rendering tasks, carry no URL: the differential (host
 * busy time with the widget minus without) covers those. Module evaluation carries no URL either; the landing
 * page has no module scripts of its own, so with `modulesAreWidget` every `v8.evaluateModule` task is the
 * widget's (the peers' documented snippets are inline `<script type="module">` imports).
 */

/** Categories the host-page suite traces. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', 'loading', '__metadata'];

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
// Network bookkeeping names URLs too, but the task it sits in is not the widget's work (e.g. the host's HTML
// parser discovering the snippet's script tag).
const NETWORK = new Set(['ResourceSendRequest', 'ResourceWillSendRequest', 'ResourceReceiveResponse', 'ResourceReceivedData', 'ResourceFinish', 'ResourceChangePriority', 'PreloadRenderBlockingStatusChange']);

function urlOf(e) {
  const a = e.args;
  if (!a) return null;
  return a.data?.url || a.data?.styleSheetUrl || a.fileName || a.data?.stackTrace?.[0]?.url || null;
}

/** Outermost tasks of one thread, sorted by start. */
function tasksOf(events) {
  const all = events.filter((e) => e.ph === 'X' && TASK.has(e.name) && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  let end = -1;
  for (const t of all) {
    if (t.ts < end) continue;
    out.push(t);
    end = t.ts + t.dur;
  }
  return out;
}

/** The task containing time `ts` (binary search over sorted, non-overlapping tasks). */
function taskAt(tasks, ts) {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tasks[mid];
    if (ts < t.ts) hi = mid - 1;
    else if (ts > t.ts + t.dur) lo = mid + 1;
    else return t;
  }
  return null;
}

const ms = (us) => Math.round(us / 10) / 100;

function busy(tasks, from, to) {
  let total = 0;
  let longest = 0;
  let long = 0;
  for (const t of tasks) {
    if (t.ts < from || t.ts >= to) continue;
    total += t.dur;
    longest = Math.max(longest, t.dur);
    if (t.dur > 50_000) long++;
  }
  return { total: ms(total), longest: ms(longest), longTasks: long };
}

/** The longest attributed tasks, with what took the time inside each (for finding the cause of a miss). */
function describe(tasks, events, start) {
  const inner = events.filter((e) => e.ph === 'X' && !TASK.has(e.name) && e.dur >= 500).sort((a, b) => a.ts - b.ts);
  return [...tasks]
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 8)
    .map((t) => {
      const parts = inner
        .filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur)
        .slice(0, 6)
        .map((e) => `${e.name}${urlOf(e) ? ` ${urlOf(e).split('/').pop().split('#')[0]}` : e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${ms(e.dur)}`);
      return { atMs: ms(t.ts - start), ms: ms(t.dur), inside: parts.join(' > ') };
    });
}

/**
 * Analyses one page load. `pageUrl`: the host page; `isWidgetUrl(url)`: whether a URL belongs to the widget.
 * Returns host busy time (whole window, before / after the `bench-load` mark), the attributed widget tasks,
 * and the widget frame's own main thread when it runs out of process.
 */
export function analyzeTrace(buffer, { pageUrl, isWidgetUrl, modulesAreWidget = false }) {
  const { traceEvents: ev } = JSON.parse(buffer.toString('utf8'));
  const hostParse = ev.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(pageUrl));
  if (!hostParse) throw new Error(`trace has no ParseHTML for ${pageUrl}`);
  const onHost = (e) => e.pid === hostParse.pid && e.tid === hostParse.tid;
  const hostEvents = ev.filter(onHost);
  const nav = hostEvents.filter((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').startsWith(pageUrl)).sort((a, b) => a.ts - b.ts)[0];
  const start = nav?.ts ?? hostParse.ts;
  const load = ev.find((e) => e.pid === hostParse.pid && e.name === 'bench-load');
  const end = Math.max(...hostEvents.map((e) => e.ts + (e.dur ?? 0)));
  const loadTs = load?.ts ?? end;
  const tasks = tasksOf(hostEvents).filter((t) => t.ts >= start);

  const attributed = new Set();
  const urls = new Set();
  for (const e of hostEvents) {
    if (modulesAreWidget && e.name === 'v8.evaluateModule') {
      const t = taskAt(tasks, e.ts);
      if (t) attributed.add(t);
      continue;
    }
    if (NETWORK.has(e.name)) continue;
    const url = urlOf(e);
    if (!url || !isWidgetUrl(url)) continue;
    const t = taskAt(tasks, e.ts);
    if (t) {
      attributed.add(t);
      urls.add(url.split('#')[0]);
    }
  }
  const widgetTasks = tasks.filter((t) => attributed.has(t));
  const host = { all: busy(tasks, start, end + 1), beforeLoad: busy(tasks, start, loadTs), afterLoad: busy(tasks, loadTs, end + 1) };
  const widget = { all: busy(widgetTasks, start, end + 1), beforeLoad: busy(widgetTasks, start, loadTs), afterLoad: busy(widgetTasks, loadTs, end + 1), tasks: widgetTasks.length };

  // The widget frame, when it has a renderer of its own (cross-site widget origin).
  const frameParse = ev.find((e) => e.name === 'ParseHTML' && /\/frame\.html/.test(e.args?.beginData?.url ?? '') && e.pid !== hostParse.pid);
  let frame = null;
  if (frameParse) {
    const fEvents = ev.filter((e) => e.pid === frameParse.pid && e.tid === frameParse.tid);
    const fTasks = tasksOf(fEvents).filter((t) => t.ts >= start);
    frame = busy(fTasks, start, end + 1);
  }
  return { loadAtMs: ms(loadTs - start), windowMs: ms(end - start), host, widget, frame, widgetUrls: [...urls], widgetTaskList: describe(widgetTasks, hostEvents, start) };
}
