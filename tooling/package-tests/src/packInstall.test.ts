import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExample } from './readmeExample.js';
import { expectedSmoke, type SmokeResult, smokeScript } from './smokeScript.js';
import { packAndInstall, publishablePackages, repoRoot, run, runNodeModule } from './workspace.js';

// Packs every publishable package, installs only the tarballs with npm into an empty
// project outside the workspace, and uses them there the way a user would.
describe('packed packages installed with npm', () => {
  const packages = publishablePackages();
  let work: string;
  let project: string;
  const tarballs = new Map<string, string>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'lassonet-pack-'));
    expect(work.startsWith(repoRoot)).toBe(false);
    const installed = packAndInstall(packages, work);
    project = installed.project;
    for (const [name, file] of installed.tarballs) tarballs.set(name, file);
  });

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('each tarball has its build, types, README and licence, and no workspace: ranges', () => {
    for (const { manifest } of packages) {
      const tarball = tarballs.get(manifest.name) ?? '';
      const listing = run('tar', ['-tzf', tarball]).stdout.split('\n');
      expect(listing, manifest.name).toEqual(
        expect.arrayContaining([
          'package/package.json',
          'package/README.md',
          'package/LICENSE',
          'package/dist/index.js',
          'package/dist/index.d.ts',
        ]),
      );
      expect(
        listing.some((f) => f.endsWith('.test.js')),
        manifest.name,
      ).toBe(false);
      const packed = run('tar', ['-xzOf', tarball, 'package/package.json']).stdout;
      expect(packed, manifest.name).not.toContain('workspace:');
      // Two packages ship files under other licences beside their MIT code: tfjs' Apache-2.0
      // binaries (packages/backend-wasm/NOTICE) and the CC BY 4.0 MICE data
      // (packages/datasets/NOTICE).
      const licences: Record<string, string> = {
        '@lassonet/backend-wasm': '(MIT AND Apache-2.0)',
        '@lassonet/datasets': '(MIT AND CC-BY-4.0)',
      };
      expect(JSON.parse(packed).license, manifest.name).toBe(licences[manifest.name] ?? 'MIT');
    }
  });

  it('ships the sources its source maps name, and no tests', () => {
    for (const { manifest } of packages) {
      const tarball = tarballs.get(manifest.name) ?? '';
      const listing = new Set(run('tar', ['-tzf', tarball]).stdout.trim().split('\n'));
      const maps = [...listing].filter((f) => f.endsWith('.map'));
      expect(maps.length, manifest.name).toBeGreaterThan(0);
      for (const map of maps) {
        const { sources } = JSON.parse(run('tar', ['-xzOf', tarball, map]).stdout) as {
          sources: string[];
        };
        for (const source of sources) {
          expect(listing, `${manifest.name}: ${map} names ${source}`).toContain(
            posix.join(posix.dirname(map), source),
          );
        }
      }
      const tests = [...listing].filter((f) => /\.test\.|\.bench\.|test-utils/.test(f));
      expect(tests, manifest.name).toEqual([]);
    }
  });

  // A typed error from two packages, caught and its stack printed: with source maps on, Node
  // maps each frame to the path a map's `sources` names, which must be a file the user has.
  it.each([
    {
      pkg: '@lassonet/datasets',
      script: `import { csvToMatrix } from '@lassonet/datasets';
        try { csvToMatrix('a,b\\n1,x\\n', { target: 'a' }); } catch (error) { console.log(error.stack); }`,
      error: /^DatasetError: .*"x" is not a number/,
    },
    {
      pkg: '@lassonet/hier-prox',
      script: `import { checkGroups } from '@lassonet/hier-prox';
        try { checkGroups([[0]], 2); } catch (error) { console.log(error.stack); }`,
      error: /^HierProxError: groups must cover every feature exactly once/,
    },
  ])(
    'an error from $pkg has a stack of files that exist, with source maps on',
    ({ pkg, script, error }) => {
      const { stdout } = run(
        process.execPath,
        ['--enable-source-maps', '--input-type=module', '-e', script],
        { cwd: project },
      );
      expect(stdout).toMatch(error);
      const frames = [...stdout.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):\d+\)?$/gm)].map(
        (m) => ({
          file: (m[1] as string).startsWith('file:')
            ? fileURLToPath(m[1] as string)
            : (m[1] as string),
          line: Number(m[2]),
        }),
      );
      const ours = frames.filter((f) => f.file.includes(`/node_modules/${pkg}/`));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.every((f) => f.file.endsWith('.ts'))).toBe(true);
      for (const { file, line } of ours) {
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file, 'utf8').split('\n').length, file).toBeGreaterThanOrEqual(line);
      }
      for (const { file } of frames.filter((f) => f.file.includes('/node_modules/@lassonet/'))) {
        expect(existsSync(file), file).toBe(true);
      }
    },
  );

  it('the wasm adapter ships the Apache-2.0 licence and notice of the tfjs binaries', () => {
    const tarball = tarballs.get('@lassonet/backend-wasm') ?? '';
    const listing = run('tar', ['-tzf', tarball]).stdout;
    expect(listing).toContain('package/LICENSE-APACHE-2.0');
    const notice = run('tar', ['-xzOf', tarball, 'package/NOTICE']).stdout;
    expect(notice).toMatch(/tfjs-backend-wasm 4\.22\.0/);
    expect(notice).toMatch(/Copyright \d{4} Google LLC/);
    expect(notice).toMatch(/Apache License, Version 2\.0/);
    // Every binary the tarball ships is named, so a new one cannot go out unattributed.
    const binaries = listing.split('\n').filter((f) => f.endsWith('.wasm'));
    expect(binaries.length).toBeGreaterThan(0);
    for (const file of binaries) expect(notice).toContain(file.replace(/^package\//, ''));
    const licence = run('tar', ['-xzOf', tarball, 'package/LICENSE-APACHE-2.0']).stdout;
    expect(licence).toMatch(/^Apache License\s+Version 2\.0, January 2004/);
    expect(licence).toContain('END OF TERMS AND CONDITIONS');
  });

  it('the wasm adapter ships its .wasm binaries for browser bundles', () => {
    const listing = run('tar', ['-tzf', tarballs.get('@lassonet/backend-wasm') ?? '']).stdout;
    for (const file of [
      'tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
    ]) {
      expect(listing).toContain(`package/dist/wasm/${file}`);
    }
  });

  it('npm installs exactly one tfjs-core, as the peer of every package', () => {
    const { stdout } = run('npm', ['ls', '@tensorflow/tfjs-core', '--all', '--json'], {
      cwd: project,
    });
    const versions = new Set<string>();
    const walk = (node: { dependencies?: Record<string, unknown> }) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        const entry = child as { version?: string; dependencies?: Record<string, unknown> };
        if (name === '@tensorflow/tfjs-core' && entry.version) versions.add(entry.version);
        walk(entry);
      }
    };
    walk(JSON.parse(stdout));
    expect([...versions]).toEqual(['4.22.0']);
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules/@tensorflow/tfjs-core/package.json'), 'utf8'),
    );
    expect(installed.version).toBe('4.22.0');
  });

  it('finds an installed adapter by name without importing it first', () => {
    const { stdout } = runNodeModule(
      `import { useBackend, installedBackends, tf } from '@lassonet/backend';
       const name = await useBackend('wasm');
       const installed = await installedBackends();
       const sum = (await tf.sum(tf.tensor1d([1, 2, 3])).data())[0];
       console.log(JSON.stringify({ name, installed, sum }));`,
      project,
    );
    expect(JSON.parse(stdout)).toEqual({
      name: 'wasm',
      installed: ['wasm', 'webgl', 'cpu'],
      sum: 6,
    });
  });

  it('works under plain node in the user project', () => {
    const { stdout } = runNodeModule(smokeScript, project);
    expect(JSON.parse(stdout) as SmokeResult).toEqual(expectedSmoke);
  });

  it('runs the @lassonet/datasets README example there on the MICE copy the tarball ships', () => {
    const listing = run('tar', ['-tzf', tarballs.get('@lassonet/datasets') ?? '']).stdout;
    expect(listing).toContain('package/data/Data_Cortex_Nuclear.csv.gz');
    expect(listing).toContain('package/NOTICE');
    const { stdout } = runNodeModule(readmeExample('packages/datasets'), project, {
      LASSONET_DATA_DIR: '',
    });
    expect(stdout).toMatch(/^1080 mice samples, 77 proteins, from package$/m);
    expect(stdout).toMatch(/^train 864, test 216$/m);
  });

  it('runs the backend interface and adapter README examples there', () => {
    const out = (dir: string) => runNodeModule(readmeExample(dir), project).stdout;
    expect(out('packages/backend')).toMatch(/^wasm wasm\nFloat32Array\(4\) \[ 7, 10, 15, 22 \]\n$/);
    expect(out('packages/backend-cpu')).toMatch(
      /^cpu\nFloat32Array\(2\) \[ 0\.333\d*, 0\.666\d* \]\n$/,
    );
    expect(out('packages/backend-wasm')).toMatch(
      /^wasm\n\{ simd: true, threads: false \}\nFloat32Array\(4\) \[ 7, 10, 15, 22 \]\n$/,
    );
    // The webgl adapter's example is for browsers; under Node 'auto' passes over webgl.
    expect(out('packages/backend-webgl')).toBe('wasm\n');
  });

  it('runs the @lassonet/model and @lassonet/path README examples there', () => {
    const model = runNodeModule(readmeExample('packages/model'), project).stdout;
    expect(model).toMatch(/^restored the 5-feature model: features 0, 1, 2, 3, 4$/m);
    const path = runNodeModule(readmeExample('packages/path'), project).stdout;
    expect(path).toMatch(/^lambda 0\.00: 10 features$/m);
    expect(path).toMatch(/^refit on 5 features: test R² \d\.\d\d$/m);
  }, 240_000);

  it('runs the installed lassonet command on the example table its package ships', () => {
    const examples = join(project, 'node_modules', '@lassonet', 'cli', 'examples');
    const out = join(work, 'lassonet-path');
    const { stdout } = run(
      join(project, 'node_modules', '.bin', 'lassonet'),
      [
        'path',
        join(examples, 'regression.csv'),
        '--target',
        'y',
        '--drop',
        'id',
        '--impute',
        'mean',
        '--hidden-dims',
        '16',
        '--path-multiplier',
        '1.1',
        '--json',
        '--out',
        out,
      ],
      { cwd: project },
    );
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as {
      steps: { nSelected: number; selected: string[] }[];
      outputs: string[];
    };
    expect(summary.steps.filter((s) => s.nSelected === 3).map((s) => s.selected)).toContainEqual([
      'x1',
      'x2',
      'x3',
    ]);
    expect(summary.outputs.map((f) => f.slice(out.length + 1)).sort()).toEqual([
      'importances.csv',
      'importances.png',
      'model.json',
      'path.csv',
      'path.json',
      'path.png',
    ]);
  }, 240_000);

  it('runs the @lassonet/plot README example there: PNGs through resvg with the bundled font', () => {
    const { stdout } = runNodeModule(readmeExample('packages/plot'), project);
    expect(stdout.trim()).toBe('wrote path.png, accuracy.png, importances.svg');
    const size = (file: string) => {
      const png = readFileSync(join(project, file));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('path.png')).toEqual([1500, 500]);
    expect(size('accuracy.png')).toEqual([800, 500]);
    expect(readFileSync(join(project, 'importances.svg'), 'utf8')).toContain('Feature importance');
  });
});
