// The viewer's first frame waits on its static module graph: index.html preloads every module
// app.mjs imports statically, directly or not, so they arrive in one round trip instead of
// one import level at a time. This keeps that list complete when a module is added, and
// keeps out what app.mjs loads by import() after the first frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

function moduleGraph(entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const name = todo.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const src = readFileSync(join(web, name), 'utf8');
    for (const m of src.matchAll(/^import\s[^'"]*['"]\.\/([^'"]+)['"]/gm)) {
      if (existsSync(join(web, m[1]))) todo.push(m[1]);
    }
  }
  seen.delete(entry);
  return seen;
}

test('index.html preloads every module of the viewer', () => {
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const graph = moduleGraph('app.mjs');
  assert.ok(graph.size >= 4, `found ${graph.size} modules`);
  assert.deepEqual([...graph].filter((m) => !preloaded.has(m)), [], 'imported but not preloaded');
  assert.deepEqual([...preloaded].filter((m) => m !== 'etalase-core.mjs' && !graph.has(m)), [], 'preloaded but not imported');
});
