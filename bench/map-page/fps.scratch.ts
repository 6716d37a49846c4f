import { launchBrowser } from '../../test/helpers/browser';
import { serveMapPage } from './serve';
const server = await serveMapPage();
const browser = await launchBrowser({ width: 1280, height: 800 });
for (const query of process.argv.slice(2)) {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}?${query}`);
  await page.waitForFunction(() => window.qxBench?.ready === true, null, { timeout: 120000 });
  await page.evaluate(() => window.qxBench?.startFleet());
  await page.waitForTimeout(2000);
  const m = await page.evaluate(() => window.qxBench?.measure(4000));
  console.log(query.padEnd(60), m?.fps, 'fps', m?.layerDrawsPerSecond, 'draws/s');
  await page.close();
}
await browser.close();
await server.close();
