/**
 * Renders results.json as the Markdown of RESULTS.md (also printed): the targets with pass/MISS first, then
 * one table per suite. Every number is a median over runs unless the row says otherwise.
 */
import { markdownSection } from './markdown-scaling.mjs';

const n = (v, d = 0) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : (Math.round(Number(v) * 10 ** d) / 10 ** d || 0).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
const ms = (v, d = 1) => (v === null || v === undefined ? '—' : `${n(v, d)} ms`);
const kb = (v) => (v === null || v === undefined ? '—' : `${n(v / 1024, 1)} KB`);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${n(a / b, a / b < 10 ? 1 : 0)}×` : '—');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map((h) => (/^(Measure|Variant|Asset|Mode|Peer|What)/.test(h) ? '---' : '---:'))), ...rows.map(row)].join('\n');

function bytesSection(b) {
  const rows = [
    ['Loader `chatkit.js` (host page)', b.loader],
    [`Extension \`${b.extension?.file ?? '—'}\` (only when options carry functions)`, b.extension],
    ['`frame.html`', b.frameHtml],
    [`First open: ${b.firstOpen.files.length} files (${b.firstOpen.files.map((f) => `\`${f}\``).join(', ')})`, b.firstOpen],
    [`Lazy chunks: ${b.lazy.files.length} files (loaded on demand)`, b.lazy],
    [`Icons: ${b.icons.count} JSON files (one fetched per \`lucide:*\` icon used)`, b.icons],
  ].filter(([, s]) => s);
  const out = [table(['Asset', 'raw', 'gzip', 'brotli'], rows.map(([name, s]) => [name, n(s.raw), n(s.gzip), n(s.brotli)]))];
  if (b.peers?.length) {
    out.push('', 'Peer bundles as published (what their snippet downloads before the launcher appears):', '');
    out.push(table(['Peer', 'raw', 'gzip', 'brotli', 'brotli × our loader + first open'], b.peers.map((p) => [p.label, n(p.raw), n(p.gzip), n(p.brotli), ratio(p.brotli, b.loader.brotli + b.firstOpen.brotli + b.frameHtml.brotli)])));
  }
  return out.join('\n');
}

function hostSection(h, runs) {
  const v = h.variants;
  const rows = Object.entries(v).map(([, x]) => {
    const m = x.median ?? {};
    return [
      x.label,
      `${kb(m.widgetBytesBrotli)} (${kb(m.widgetBytesRaw)} raw, ${n(m.widgetRequests)} req.)`,
      `${ms(m.widgetMain)} (${ms(m.widgetMainBeforeLoad)} / ${ms(m.widgetMainAfterLoad)})`,
      ms(m.hostBusyDelta),
      ms(m.widgetLongestTask),
      n(m.widgetLongTasks),
      n(m.clsDelta, 4),
      ms(m.launcherVisibleMs, 0),
      ms(m.frameMain),
      ms(m.loadMs, 0),
    ];
  });
  const out = [
    `Landing page \`examples/index.html\`, ${runs} cold loads per variant, window = navigation → load + settle. ` +
      'Scripts = host tasks that run or fetch widget code (before / after the load event); Δ = all host main-thread time minus the no-widget load of the same run (includes the layout and paint the widget causes).',
    '',
    table(['Variant', 'Bytes before interaction (brotli)', 'Host main thread, widget scripts (before / after load)', 'Host main thread Δ vs no widget', 'Longest widget task', 'Long tasks', 'CLS Δ', 'Launcher visible', 'Widget frame main thread (own process)', 'Load event'], rows),
  ];
  out.push('', `Host main thread Δ per run (ms), to judge the noise: ${Object.values(v).filter((x) => x.hostBusyDeltas?.length && x.label !== 'no widget').map((x) => `${x.label} ${x.hostBusyDeltas.map((d) => n(d)).join(', ')}`).join('; ')}.`);
  const ours = v.chatkit?.median;
  const peers = Object.values(v).filter((x) => x.peer);
  if (ours && peers.length) {
    out.push('', 'Peers as ratios to chatkit-embed (same run, medians; > 1 = the peer costs more):', '');
    out.push(table(['Peer', 'Bytes (brotli)', 'Host main thread, widget scripts', 'Host main thread Δ', 'Launcher visible'], peers.map((p) => {
      const m = p.median ?? {};
      return [p.label, ratio(m.widgetBytesBrotli, ours.widgetBytesBrotli), ratio(m.widgetMain, ours.widgetMain), ratio(m.hostBusyDelta, ours.hostBusyDelta), ratio(m.launcherVisibleMs, ours.launcherVisibleMs)];
    })));
  }
  return out.join('\n');
}

function streamRows(s, label) {
  const m = s?.median;
  if (!m) return [[label, s?.errors?.[0] ? `failed: ${s.errors[0]}` : '—', '', '', '', '', '', '', '', '', '', '']];
  return [[
    `${label}, ${n(s.tokens)} tokens${s.runs.length > 1 ? ` (median of ${s.runs.length})` : ' (1 run)'}`,
    ms(m.streamMs, 0), ms(m.longestFrameMs), ms(m.p95FrameMs), n(m.framesOver50), `${n(m.longTasks)} (${ms(m.longestTaskMs, 0)})`,
    ms(m.scriptMs, 0), ms(m.taskMs, 0), ms(m.timeToFinalRenderMs), `${ms(m.firstWindowTaskPerDeltaMs, 3)} / ${ms(m.lastWindowTaskPerDeltaMs, 3)}`,
    `${ms(m.firstWindowScriptPerDeltaMs, 3)} / ${ms(m.lastWindowScriptPerDeltaMs, 3)}`, `${n(m.threadNodes)} / ${n(m.heapMB, 1)} MB (${n(m.heapAfterGcMB, 1)} MB after GC)`,
  ]];
}

/** The whole RESULTS.md. */
export function renderMarkdown(results) {
  const { environment: env, options: o, suites, targets } = results;
  const out = [
    '# chatkit-embed benchmark results',
    '',
    `${env.date} · commit \`${env.commit}\` · Chromium ${env.chromium} (headless) · Node ${env.node} · ${env.cpu} × ${env.cpus} · ${o.runs} runs per measurement (medians)${o.quick ? ' · **--quick**' : ''}`,
    '',
    'How to run and how to read this: [bench/README.md](README.md).',
    '',
    '## Targets',
    '',
    table(['Measure', 'Result', 'Target', 'Status'], targets.map((t) => [t.measure, t.shown, t.target, t.status === 'MISS' ? '**MISS**' : t.status])),
  ];
  if (suites.bytes) out.push('', '## 1. Bytes', '', bytesSection(suites.bytes));
  if (suites.host?.variants) out.push('', '## 2 & 6. Host-page cost, with peers', '', hostSection(suites.host, o.runs));
  if (suites.open?.median) {
    const m = suites.open.median;
    out.push('', '## 3. Open latency', '', 'Pointerdown on the launcher → the frame after the composer is focused in the grown iframe.', '');
    out.push(table(['Measure', 'Cold (first open)', 'Warm (reopen)', 'Downloaded by the first open'], [['Open latency', ms(m.coldMs), ms(m.warmMs), `${kb(m.firstOpenBytesBrotli)} brotli in ${n(m.firstOpenRequests)} requests`]]));
  }
  if (suites.streamFull || suites.streamPaced) {
    out.push('', '## 4. Streaming', '', 'Frame times are rAF deltas in the widget frame from the first delta to the final render; script/task = the frame renderer\'s CDP ScriptDuration/TaskDuration over the stream; per delta = task (script) time between the arrival of delta k and k + 1,000, ÷ 1,000.', '');
    out.push(table(['Mode', 'Stream length', 'Longest frame', 'p95 frame', 'Frames > 50 ms', 'Long tasks (longest)', 'Script', 'Main-thread tasks', 'Last byte → final render', 'Task per delta, first / last 1,000', 'Script per delta, first / last 1,000', 'Thread DOM elements / heap'], [
      ...(suites.streamFull ? streamRows(suites.streamFull, 'Full speed') : []),
      ...(suites.streamPaced ? streamRows(suites.streamPaced, `${n(suites.streamPaced.rate)} tokens/s`) : []),
    ]));
  }
  if (suites.markdown?.families) out.push('', '## 7. Markdown: time vs input size (Node)', '', markdownSection(suites.markdown));
  if (suites.long?.median) {
    const m = suites.long.median;
    out.push('', `## 5. Long thread (${n(suites.long.items)} items)`, '', `Open: median of ${suites.long.runs.length} runs; scrolling: ${suites.long.scrollRuns} run(s), ${'1,200'} px per frame.`, '');
    out.push(table(['What', 'Value'], [
      ['Open → newest messages painted', ms(m.openMs)],
      ['Runs where the newest message never showed / left the view within 1 s of opening', `${n(suites.long.newestNeverShown)} / ${n(suites.long.newestLeftView)} of ${n(suites.long.runs.length)}${suites.long.newestLeftView || suites.long.newestNeverShown ? ' **(should be 0 / 0)**' : ''}`],
      ['Older pages fetched on open (nobody scrolled)', `${n(m.olderPagesLoadedOnOpen)}${m.olderPagesLoadedOnOpen ? ' **(should be 0)**' : ''}`],
      ['Thread view at open: elements / all nodes / rows', `${n(m.threadElements)} / ${n(m.threadNodes)} / ${n(m.rowsInDom)}`],
      ['JS heap of the frame at open (after GC)', `${n(m.heapMB, 1)} MB`],
      [`Scroll to the first item (${n(m.scrollUpPages)} older pages loaded)`, `${ms(m.scrollUpMs, 0)}; frames longest ${ms(m.scrollUpLongestFrameMs)}, p95 ${ms(m.scrollUpP95FrameMs)}, ${n(m.scrollUpFramesOver50)} over 50 ms; reached: ${m.reachedTop ? 'yes' : `NO (oldest row in the DOM: #${n(m.oldestRowAtTop)})`}`],
      ['At the top: elements / rows / heap', `${n(m.threadElementsAtTop)} / ${n(m.rowsInDomAtTop)} / ${n(m.heapAtTopMB, 1)} MB`],
      ['Scroll back to the bottom', `${ms(m.scrollDownMs, 0)}; frames longest ${ms(m.scrollDownLongestFrameMs)}, p95 ${ms(m.scrollDownP95FrameMs)}, ${n(m.scrollDownFramesOver50)} over 50 ms; reached: ${m.reachedBottom ? 'yes' : 'NO'}`],
      ['At the bottom: thread elements / whole frame document', `${n(m.threadElementsAtBottom)} / ${n(m.frameDocumentElements)}`],
    ]));
  }
  const errors = Object.entries(suites).flatMap(([k, s]) => [...(s?.error ? [s.error] : []), ...(s?.errors ?? []), ...Object.values(s?.variants ?? {}).flatMap((v) => v.errors ?? [])].map((e) => `- ${k}: ${String(e).split('\n')[0]}`));
  if (results.notes?.length || errors.length) out.push('', '## Notes and errors', '', ...results.notes.map((x) => `- ${x}`), ...errors);
  return out.join('\n') + '\n';
}
