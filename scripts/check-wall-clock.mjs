// Lint rule: only src/engine/clock.ts may read wall time. Everything else takes the sandbox clock, or
// expiry becomes untestable (STYLE.md: navikt's single stray Instant.now()).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const allowed = new Set(['src/engine/clock.ts']);
const pattern = /\bDate\.now\(\)|\bnew Date\(\s*\)/;
/** @type {string[]} */
const offenders = [];

/** @param {string} dir */
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated') walk(path);
    } else if (path.endsWith('.ts') && !allowed.has(path.split('\\').join('/'))) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (pattern.test(line)) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
        });
    }
  }
}

walk('src');
if (offenders.length > 0) {
  console.error('Wall-clock reads outside src/engine/clock.ts (use the sandbox clock):');
  for (const offender of offenders) console.error(`  ${offender}`);
  process.exit(1);
}
