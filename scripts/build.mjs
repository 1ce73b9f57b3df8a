// Compiles src/ to build/ for `npm start`: each .ts/.tsx file becomes one .js file at the same place (no
// bundling), and locales, public assets and data files are copied beside them. build/ sits at the same depth as
// src/, so paths relative to import.meta.url (node_modules, migrations) resolve the same from both.
// Why not run the sources with tsx, as tests and `npm run dev` do: its loader thread and the transformed
// sources kept in memory cost the long-running server about 60 MB (doc/adr/0010-memory-and-speed-of-the-server.md).
// No type check here: that is `npm run typecheck`, part of `npm test`.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'src');
const target = join(root, 'build');

// Judged on the path below src/, so a checkout inside a folder named test/ still builds.
const isTest = (path) => /\.test\.tsx?$/.test(path) || /(^|[/\\])(test|testing)[/\\]/.test(path) || path.endsWith('testing.ts');

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const started = Date.now();
await rm(target, { recursive: true, force: true });
let compiled = 0;
for await (const path of files(source)) {
  if (path.endsWith('.d.ts') || (/\.tsx?$/.test(path) && isTest(relative(source, path)))) continue;
  const out = join(target, relative(source, path));
  await mkdir(dirname(out), { recursive: true });
  if (/\.tsx?$/.test(path)) {
    const result = await transform(await readFile(path, 'utf8'), {
      loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'esm',
      target: 'node20',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: 'external',
      sourcefile: relative(dirname(out), path),
    });
    const js = out.replace(/\.tsx?$/, '.js');
    await writeFile(js, `${result.code}//# sourceMappingURL=${js.split(/[/\\]/).pop()}.map\n`);
    await writeFile(`${js}.map`, result.map);
    compiled++;
  } else {
    await cp(path, out);
  }
}
// The subpath imports of package.json (`#shared/*` → ./src/shared/*) point into src/, which holds no .js files.
// A package.json in build/ is the nearest one for every compiled file, so Node resolves them there: the same
// map with src/ taken out (`#shared/*` → ./shared/*).
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const imports = Object.fromEntries(Object.entries(pkg.imports ?? {}).map(([name, path]) => [name, path.replace(/^\.\/src\//, './')]));
await writeFile(join(target, 'package.json'), `${JSON.stringify({ private: true, type: pkg.type, imports }, null, 2)}\n`);
process.stdout.write(`build/: ${compiled} files compiled in ${Date.now() - started} ms\n`);
