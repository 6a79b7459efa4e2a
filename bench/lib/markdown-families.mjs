/**
 * Pathological Markdown inputs, by family: each makes a document of about `n` characters. The families that
 * made parsers quadratic or overflow the stack (issue 18 item 12, issue 19 item 13; commonmark.js'
 * test/pathological). Shared by the unit test (bounded stack, nothing thrown) and the bench (time vs size).
 */
const rep = (unit, n) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));
const nest = (open, mid, close, n) => {
  const k = Math.max(1, Math.floor(n / (open.length + close.length)));
  return open.repeat(k) + mid + close.repeat(k);
};

export const FAMILIES = {
  'nested emphasis': (n) => nest('*a **a ', 'b', ' a** a*', n),
  '*a*a… runs': (n) => rep('*a', n),
  '*_ alternating': (n) => rep('*_', n),
  '**a_ mixed closers': (n) => rep('**a_ ', n),
  'unclosed [a](http://x.com/': (n) => rep('[a](http://x.com/', n),
  '[]( repeated': (n) => rep('[](', n),
  'nested brackets [[[a]]]': (n) => nest('[', 'a', ']', n),
  '[ then links [a](b)': (n) => rep('[', n / 2) + rep('[a](b)', n / 2),
  'unclosed ![ images': (n) => rep('![a ', n),
  'backtick runs of growing length': (n) => {
    let s = '';
    for (let i = 1; s.length < n; i++) s += 'e' + '`'.repeat(i);
    return s;
  },
  'reference-like [a][b': (n) => rep('[a][b ', n),
  'shortcut references with definitions': (n) => rep('[x] ', n - 12) + '\n\n[x]: /u "t"',
  '$ math openers': (n) => rep('$a ', n),
  '\\( math openers': (n) => rep('\\(a ', n),
  '< autolink openers': (n) => rep('<a ', n),
  '& entity-like': (n) => rep('&#x', n),
  'one-line nested list markers': (n) => rep('- ', n) + 'x',
  'one-line nested quotes': (n) => rep('> ', n) + 'x',
  'nested quotes, one per line': (n) => Array.from({ length: Math.floor(Math.sqrt(n)) }, (_, i) => '>'.repeat(i) + ' x').join('\n'),
  'nested list, one item per line': (n) => {
    const out = [];
    for (let i = 0, len = 0; len < n; i++) {
      const line = '  '.repeat(i) + '- x';
      out.push(line);
      len += line.length + 1;
    }
    return out.join('\n');
  },
  'many table columns': (n) => {
    const k = Math.floor(n / 8);
    return '|' + 'a|'.repeat(k) + '\n|' + '-|'.repeat(k) + '\n|' + 'b|'.repeat(k);
  },
};
