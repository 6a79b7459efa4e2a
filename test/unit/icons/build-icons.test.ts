import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLucideName } from '../../../src/icons/icon-names.ts';
import { parseIconNode } from '../../../src/icons/icon-node.ts';

interface BuildIconsModule {
  buildIcons(outDir: string): Promise<number>;
  generateIconSources(): Promise<Record<string, string>>;
  listLucideIcons(): Promise<string[]>;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// A computed specifier keeps tsc from demanding type declarations for the plain-JS build script.
const scriptPath = join(repoRoot, 'scripts', 'build-icons.mjs');
const script = (await import(/* @vite-ignore */ scriptPath)) as BuildIconsModule;

describe('generated icon sources', () => {
  it('are current: regenerating from the lucide package changes nothing', async () => {
    const sources = await script.generateIconSources();
    expect(Object.keys(sources).sort()).toEqual(['src/icons/core-icons.ts', 'src/icons/named-icons.ts']);
    for (const [path, text] of Object.entries(sources)) {
      expect(await readFile(join(repoRoot, path), 'utf8'), `${path} is stale; run node scripts/build-icons.mjs --sources`).toBe(text);
    }
  });

  it('carry the Lucide license notice', async () => {
    for (const text of Object.values(await script.generateIconSources())) {
      expect(text).toMatch(/@license lucide v\d+\.\d+\.\d+ - ISC/);
      expect(text).toContain('provided that the above copyright notice and this permission notice appear in all copies');
    }
  });
});

describe('buildIcons', () => {
  let outDir = '';

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'ck-icons-'));
  });

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  // Writing and reading back ~2,000 files is disk-bound; give slow CI disks room.
  it('writes one compact, valid JSON file per Lucide icon and nothing else', { timeout: 60_000 }, async () => {
    const names = await script.listLucideIcons();
    expect(names.length).toBeGreaterThan(1500);
    expect(await script.buildIcons(outDir)).toBe(names.length);
    expect(await readdir(outDir)).toEqual(['icons']);
    const files = (await readdir(join(outDir, 'icons'))).sort();
    expect(files).toEqual(names.map((n) => `${n}.json`).sort());
    expect(names.filter((n) => !isLucideName(n))).toEqual([]);

    const invalid: string[] = [];
    for (const name of names) {
      const text = await readFile(join(outDir, 'icons', `${name}.json`), 'utf8');
      const value: unknown = JSON.parse(text);
      if (text !== JSON.stringify(value) || parseIconNode(value) === null) invalid.push(name);
    }
    expect(invalid).toEqual([]);
  });

  it('writes exactly the node array the lucide package exports', async () => {
    const { default: rocket } = (await import(/* @vite-ignore */ join(repoRoot, 'node_modules/lucide/dist/esm/icons/rocket.mjs'))) as { default: unknown };
    expect(JSON.parse(await readFile(join(outDir, 'icons', 'rocket.json'), 'utf8'))).toEqual(rocket);
  });
});
