// packets-js as npm would publish it: `npm pack` lists only what a user needs; the tarball installs into a scratch
// project, whose Node program imports it and round-trips a packet to schemapack's own bytes; esbuild bundles a scratch
// browser app from it, and Debian's headless Chromium runs that app. Chromium missing skips that part with a message,
// or fails when PACKETS_REQUIRE_EXTERNAL=true (CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const golden = JSON.parse(readFileSync(new URL('../../packets-codegen/src/test/resources/golden/vectors.json',
  import.meta.url)));
// a vector the real schemapack 1.4.2 wrote: the scratch programs must give its bytes
const vector = golden.vectors.find((v) => v.case === 'player-readme');
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 120_000 });

const EXPECTED = ['LICENSE', 'README.md', 'dist/client.js', 'dist/client.js.map', 'package.json', 'src/client.js',
  'src/codec.js', 'src/errors.js', 'src/index.d.ts', 'src/index.js', 'src/lane.js', 'src/msgpack.js',
  'src/socketio.js'];

test('the packed tarball holds only what a user needs, installs, and runs under Node, esbuild and Chromium', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'packets-js-pack-'));
  try {
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], here));
    assert.deepEqual(packed.files.map((f) => f.path).sort(), EXPECTED);
    const tarball = join(scratch, packed.filename);

    // a scratch project: the tarball installed as a user would (its dependencies from npm's cache or the registry)
    const app = join(scratch, 'app');
    run('mkdir', ['-p', app], scratch);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], app);
    const program = `import { compile, connect } from '@packets/client';
const codec = compile(${JSON.stringify(vector.packet)}, ${JSON.stringify(vector.schema)});
const bytes = codec.encode(${JSON.stringify(vector.value)});
console.log(typeof connect, Buffer.from(bytes).toString('hex'));`;
    writeFileSync(join(app, 'node.mjs'), program);
    assert.equal(run('node', ['node.mjs'], app).trim(), `function ${vector.hex}`, 'under Node');

    // a browser app bundled by esbuild from the installed package
    writeFileSync(join(app, 'browser.js'), `import { compile, connect } from '@packets/client';
const codec = compile(${JSON.stringify(vector.packet)}, ${JSON.stringify(vector.schema)});
const bytes = codec.encode(${JSON.stringify(vector.value)});
document.body.dataset.result = typeof connect + ' ' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
`);
    const esbuild = join(here, 'node_modules', '.bin', 'esbuild');
    run(esbuild, ['browser.js', '--bundle', '--format=iife', '--platform=browser', '--outfile=bundle.js',
      '--log-level=warning'], app);
    assert.ok(existsSync(join(app, 'bundle.js')));
    writeFileSync(join(app, 'index.html'), '<!doctype html><html><body><script src="bundle.js"></script></body></html>');

    let chromium = null;
    for (const c of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
      if (c && existsSync(c)) { chromium = c; break; }
    }
    if (!chromium) {
      if (process.env.PACKETS_REQUIRE_EXTERNAL === 'true') assert.fail('chromium is missing (apt-get install chromium)');
      console.log('skipped the Chromium part: no chromium (apt-get install chromium)');
      return;
    }
    const dom = run(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--user-data-dir=' + join(scratch, 'profile'),
      '--dump-dom', 'file://' + join(app, 'index.html')], app);
    assert.match(dom, new RegExp(`data-result="function ${vector.hex}"`), 'in Chromium');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
