/** Command-line options of `npm run bench` (see bench/README.md). */

export const SUITES = ['bytes', 'host', 'open', 'stream', 'long', 'markdown'];

const USAGE = `usage: node bench/run.mjs [options]
  --runs N          runs per measurement (median reported; default 5)
  --quick           2,000-token streams instead of 20,000 (says so in the table)
  --only a,b        only these suites: ${SUITES.join(', ')}
  --no-build        measure dist/ as it is (default: node build.mjs first)
  --no-peers        skip the peer widgets in the host-page suite
  --no-install      never run npm install for bench/node_modules
  --slow-runs N     runs of the paced (50 tokens/s) stream (default 1: it takes ~7 minutes)
  --tokens N        stream length (default 20000, or 2000 with --quick)
  --rate N          paced stream rate in tokens/s (default 50)
  --long-items N    items in the long thread (default 10000)
  --scroll-runs N   long-thread runs that also scroll to the top and back (default 1)
  --scroll-timeout S  give up each long-thread scroll after S seconds (default 180)
  --settle MS       how long after the load event the host-page window lasts (default 5000)
  --out DIR         where results.json and RESULTS.md go (default bench/)`;

/** Parses argv (after the script path); throws with the usage text on bad input. */
export function parseArgs(argv) {
  const o = {
    runs: 5, quick: false, only: SUITES, build: true, peers: true, install: true,
    slowRuns: 1, scrollRuns: 1, scrollTimeout: 180, tokens: null, rate: 50, longItems: 10000, settleMs: 5000, out: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number\n${USAGE}`);
      return n;
    };
    if (flag === '--runs') o.runs = Math.max(1, Math.round(num()));
    else if (flag === '--quick') o.quick = true;
    else if (flag === '--only') {
      o.only = String(argv[++i] ?? '').split(',').filter(Boolean);
      const bad = o.only.filter((s) => !SUITES.includes(s));
      if (bad.length || !o.only.length) throw new Error(`unknown suite ${bad.join(', ')}\n${USAGE}`);
    } else if (flag === '--no-build') o.build = false;
    else if (flag === '--no-peers') o.peers = false;
    else if (flag === '--no-install') o.install = false;
    else if (flag === '--slow-runs') o.slowRuns = Math.round(num());
    else if (flag === '--scroll-runs') o.scrollRuns = Math.round(num());
    else if (flag === '--scroll-timeout') o.scrollTimeout = Math.max(5, num());
    else if (flag === '--tokens') o.tokens = Math.max(2, Math.round(num()));
    else if (flag === '--rate') o.rate = Math.max(1, num());
    else if (flag === '--long-items') o.longItems = Math.max(2, Math.round(num()));
    else if (flag === '--settle') o.settleMs = num();
    else if (flag === '--out') o.out = argv[++i];
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  o.tokens ??= o.quick ? 2000 : 20000;
  return o;
}
