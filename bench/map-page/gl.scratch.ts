import { launchBrowser } from '../../test/helpers/browser';
const browser = await launchBrowser({ width: 1280, height: 800 });
const page = await browser.context.newPage();
await page.setContent('<html><body style="margin:0"><canvas id=c width=1280 height=800 style="width:1280px;height:800px"></canvas></body></html>');
const mode = process.argv[2] ?? 'clear';
const r = await page.evaluate(`(async (mode) => {
  const c = document.getElementById('c');
  const gl = mode === '2d' ? c.getContext('2d') : c.getContext('webgl2', { antialias: false });
  let n = 0;
  const t0 = performance.now();
  await new Promise((res) => {
    function loop() {
      n++;
      if (mode === '2d') { gl.clearRect(0, 0, 1280, 800); gl.fillRect(n % 100, 10, 20, 20); }
      else if (mode !== 'none') { gl.clearColor(0, 0, (n % 2) * 0.5, 0.5); gl.clear(gl.COLOR_BUFFER_BIT); }
      if (performance.now() - t0 < 4000) requestAnimationFrame(loop); else res();
    }
    requestAnimationFrame(loop);
  });
  return n / ((performance.now() - t0) / 1000);
})(${JSON.stringify(mode)})`);
console.log(mode, Number(r).toFixed(1), 'fps');
await browser.close();
