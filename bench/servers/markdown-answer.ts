/**
 * The streamed answer of the streaming benchmark: deterministic Markdown with everything a long model answer
 * has (headings, paragraphs with inline marks and links, nested lists, fenced code, tables, quotes), cut into
 * token-sized deltas that concatenate back to the text. It ends with a sentinel the frame watches for.
 */

/** The last words of every answer; the frame knows the answer is fully rendered when this text is on screen. */
export const END_SENTINEL = 'End of benchmark answer.';

const WORDS = (
  'latency budget render stream token parser window frame layout paint commit signal effect store thread ' +
  'message composer launcher bridge iframe origin policy nonce handshake backend endpoint request response ' +
  'header cache bundle chunk module loader markdown table column row list item block inline code quote link'
).split(' ');

/** A tiny deterministic generator (mulberry32), so every run streams the same bytes. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = WORDS[Math.floor(rand() * WORDS.length)] ?? 'token';
    const r = rand();
    if (r < 0.04) w = `**${w}**`;
    else if (r < 0.07) w = `*${w}*`;
    else if (r < 0.1) w = `\`${w}()\``;
    else if (r < 0.115) w = `[${w}](https://example.com/docs/${w})`;
    out.push(w);
  }
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function section(rand: () => number, n: number): string {
  const para = (): string => Array.from({ length: 3 + Math.floor(rand() * 3) }, () => sentence(rand, 8 + Math.floor(rand() * 10))).join(' ');
  const parts = [`## Part ${n}: ${sentence(rand, 3).slice(0, -1)}`, para()];
  const kind = n % 4;
  if (kind === 0) {
    parts.push(
      Array.from({ length: 4 }, (_, i) => `- ${sentence(rand, 6)}${i === 1 ? `\n  - ${sentence(rand, 5)}\n  - ${sentence(rand, 4)}` : ''}`).join('\n'),
    );
  } else if (kind === 1) {
    const fn = WORDS[n % WORDS.length] ?? 'step';
    parts.push(
      '```ts\n' +
        `export function ${fn}${n}(input: string[]): number {\n` +
        '  let total = 0;\n' +
        '  for (const value of input) {\n' +
        `    total += value.length * ${n};\n` +
        '  }\n' +
        '  return total;\n' +
        '}\n```',
    );
  } else if (kind === 2) {
    const rows = Array.from({ length: 4 }, (_, i) => `| ${WORDS[(n + i) % WORDS.length]} | ${(n * 7 + i) % 100} ms | ${sentence(rand, 3)} |`);
    parts.push(['| Stage | Time | Note |', '|---|---:|---|', ...rows].join('\n'));
  } else {
    parts.push(`1. ${sentence(rand, 7)}\n2. ${sentence(rand, 6)}\n3. ${sentence(rand, 8)}`, `> ${sentence(rand, 12)}`);
  }
  parts.push(para());
  return parts.join('\n\n');
}

/** Splits text into token-sized deltas (a word with its leading spaces, at most 8 characters, or newlines). */
export function tokenize(text: string): string[] {
  return text.match(/\n+|[ \t]+(?=\n|$)|[ \t]*[^\s]{1,8}/g) ?? [];
}

/** Builds an answer of exactly `tokens` deltas (the sentinel included). */
export function buildAnswer(tokens: number): string[] {
  const rand = createRandom(20_000);
  const tail = tokenize(`\n\n${END_SENTINEL}`);
  const budget = Math.max(0, tokens - tail.length);
  const out: string[] = [];
  // Whole sections only, so no code fence or table is left open; plain prose fills the remainder exactly.
  for (let n = 1; ; n++) {
    const next = tokenize((n === 1 ? '' : '\n\n') + section(rand, n));
    if (out.length + next.length > budget) break;
    out.push(...next);
  }
  let filler = tokenize(out.length ? '\n\n' : '');
  while (out.length + filler.length < budget) filler = [...filler, ...tokenize(' ' + sentence(rand, 12))];
  out.push(...filler.slice(0, budget - out.length));
  return [...out, ...tail].slice(0, tokens);
}
