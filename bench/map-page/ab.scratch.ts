import { launchBrowser } from '../../test/helpers/browser';
import { serveMapPage } from './serve';
const rounds = Number(process.env.ROUNDS ?? 3);
const server = await serveMapPage();
const browser = await launchBrowser({ width: 1280, height: 800 });
const res = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) for (const query of process.argv.slice(2)) {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}?${query}`);
  await page.waitForFunction(() => window.qxBench?.ready === true, null, { timeout: 120000 });
  await page.evaluate(() => window.qxBench?.settle(30000));
  await page.evaluate(() => window.qxBench?.startFleet());
  await page.waitForTimeout(2000);
  const m = await page.evaluate(() => window.qxBench?.measure(5000));
  res.set(query, [...(res.get(query) ?? []), m?.fps ?? 0]);
  await page.close();
}
for (const [q, v] of res) { const s = [...v].sort((a, b) => a - b); console.log(q.padEnd(60), 'median', s[Math.floor(s.length / 2)], 'all', v.join(' ')); }
await browser.close();
await server.close();
