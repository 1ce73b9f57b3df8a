// Rewrites every relative import of the platform layer (`'../../' + 'shared/http/errors.js'` written out,
// `'../src/shared/clock.js'`) in src/, tests/ and bench/ to the subpath import `'#shared/http/errors.js'`
// declared in package.json "imports" (resolved by tsc, tsx, vitest, dependency-cruiser, and in build/ through
// the package.json scripts/build.mjs writes there). Files inside src/shared keep their relative imports of each
// other: they are one layer. Idempotent: a second run changes nothing.
//   node scripts/codemods/shared-alias.mjs          rewrite, then list what it changed
//   node scripts/codemods/shared-alias.mjs --check  change nothing; exit 1 when something would change
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = join(root, 'src', 'shared') + sep;
const check = process.argv.includes('--check');

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'public') yield* sources(path);
    } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

// Module specifiers in static imports and re-exports (`from '…'`), side-effect imports (`import '…'`),
// dynamic imports and import types (`import('…')`).
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"\n]*)\2/g;

/** The new specifier, or undefined when the import stays as it is. */
function rewrite(file, spec) {
  const target = resolve(dirname(file), spec);
  if (!target.startsWith(shared)) return undefined;
  // Inside the platform layer, relative imports stay (unless they detour through a folder named shared).
  if (file.startsWith(shared) && !/(^|\/)shared\//.test(spec)) return undefined;
  return `#shared/${relative(shared, target).split(sep).join('/')}`;
}

let files = 0;
let imports = 0;
const leftovers = [];
for (const dir of ['src', 'tests', 'bench']) {
  for await (const file of sources(join(root, dir))) {
    const text = await readFile(file, 'utf8');
    let count = 0;
    const next = text.replace(specifier, (whole, lead, quote, spec) => {
      const to = rewrite(file, spec);
      if (!to) return whole;
      count++;
      return `${lead}${quote}${to}${quote}`;
    });
    // Relative strings into shared/ that are not imports (e.g. new URL() of a relative path into shared): listed, not touched.
    for (const m of next.matchAll(/['"](\.\.?\/)+([^'"\n]*\/)?shared\/[^'"\n]*['"]/g)) leftovers.push(`${relative(root, file)}: ${m[0]}`);
    if (count === 0) continue;
    files++;
    imports += count;
    if (!check) await writeFile(file, next);
  }
}
process.stdout.write(`${check ? 'would rewrite' : 'rewrote'} ${imports} imports in ${files} files\n`);
if (leftovers.length) process.stdout.write(`relative paths into shared/ that are not imports (left as they are):\n  ${leftovers.join('\n  ')}\n`);
if (check && imports > 0) process.exitCode = 1;
