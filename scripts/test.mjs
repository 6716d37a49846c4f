// `npm test`: type-check, lint, build, then every test project (unit, integration, e2e) in one
// Vitest run; ends with one summary line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const run = (label, cmd, args) => {
  console.log(`\n── ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) {
    console.error(`\n${label} failed`);
    process.exit(r.status ?? 1);
  }
};

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
for (const p of ['shared', 'node', 'renderer', 'test']) run(`type-check (tsconfig.${p}.json)`, npx, ['tsc', '-p', `tsconfig.${p}.json`]);
run('lint', npx, ['eslint', '--max-warnings', '0', '.']);
run('build', process.execPath, ['scripts/build.mjs']);

mkdirSync('test-results', { recursive: true });
console.log('\n── tests (unit, integration, e2e)');
const extra = process.argv.slice(2);
const r = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...extra], {
  stdio: 'inherit',
});
let summary = null;
try {
  summary = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
} catch {
  // no report: the run itself failed to start; its own output says why
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
process.exit(r.status ?? 1);
