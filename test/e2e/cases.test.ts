/**
 * The case desk end to end, in a real browser against a real console whose database holds a
 * generated history of cases (so the dashboard has trends and a year-over-year comparison). A
 * hotline operator registers a call by keyboard (N, caller, Tab, phone, Tab, place, Enter); the
 * case is routed to the proposed body, accepted (A), mediated, the signed agreement attached, paused
 * and resumed, resolved and closed with the reporter's feedback, every step on its timeline. A second console shows the
 * KPI dashboard in English all along: it sees the figures change live (collected +1, completion
 * rate and satisfaction move) without a reload. The period report prints to a PDF with the
 * period's figures; the CSV export carries the new case; the map draws the cases and a heatmap.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { historyDesk } from '../helpers/cases';
import { startConsole, type TestConsole } from '../helpers/console';
import { ConsolePage } from './pages/console-page';
import { CaseDeskPage } from './pages/cases-page';
import { guardPage } from './pages/page-guard';

const DOCS = join(import.meta.dirname, '../../docs');
const RESULTS = join(import.meta.dirname, '../../test-results');
const DAY = 86_400_000;

let console_: TestConsole;
let browser: TestBrowser;
let data: string;

beforeAll(async () => {
  // A year and a bit of cases, made through the real desk into the console's database file.
  data = mkdtempSync(join(tmpdir(), 'qx-cases-e2e-'));
  const now = Date.now();
  const h = historyDesk({ cases: 600, seed: 5, start: now - 420 * DAY, end: now - DAY, yearlyTrend: -0.18 }, join(data, 'quanxiang.db'));
  h.store.close();
  console_ = await startConsole(['--data', data]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await console_.close();
  rmSync(data, { recursive: true, force: true });
});

describe('case desk', () => {
  it('takes a hotline case from entry to closure with feedback while the dashboard changes live', async () => {
    // The supervisor's dashboard, in English, on another console.
    const wallPage = await browser.context.newPage();
    const wallGuard = guardPage(wallPage, console_.url);
    const wallApp = new ConsolePage(wallPage, console_.url);
    await wallApp.open(console_.token);
    await wallApp.setLanguage('en');
    const kpi = new CaseDeskPage(wallPage);
    await kpi.openDashboard();
    const collected = Number(await kpi.figure('collected'));
    expect(collected).toBeGreaterThan(100);
    const completion = await kpi.figure('completionRate');
    expect(completion).toMatch(/^\d+\.\d %$/);
    // The monthly chart has drawn its bars (a dozen months of three series).
    await expect.poll(() => wallPage.locator('[data-testid="kpi-chart-monthly"] svg path').count()).toBeGreaterThan(30);

    // The operator's desk, in Chinese, by keyboard.
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.loginByKeyboard(console_.token, '李娜');
    await app.setLanguage('zh-CN');
    const desk = new CaseDeskPage(page);
    await desk.openDesk();
    const before = await desk.rows.count();
    const number = await desk.registerCall({
      caller: '王秀英',
      phone: '13912345678',
      place: '幸福花园',
      category: 'neighbour_dispute.noise',
      description: '楼上住户每晚十一点后装修敲打，多次沟通无果',
    });
    expect(number).toBeGreaterThan(600);
    await desk.waitForStatus('received');
    expect(await desk.panel.getByTestId('case-reporter').innerText()).toBe('王秀英 · 13912345678');
    expect(await desk.panel.getByTestId('case-category').innerText()).toBe('邻里噪声');
    const sla = await desk.sla();
    expect(sla.tone).toBe('ok');
    expect(sla.text).toMatch(/^受理剩余 \d+ 小时 \d\d 分$/);
    await expect.poll(() => desk.rows.count()).toBe(before + 1);

    // The wall sees the new case counted without a reload.
    await kpi.waitForFigure('collected', String(collected + 1));
    const completionOpen = await kpi.figure('completionRate');
    const completed = Number(/\d+/.exec(await kpi.figureDetail('completionRate'))?.[0]);
    const satisfied = Number(/^(\d+) satisfied/.exec(await kpi.figureDetail('satisfaction'))?.[1]);

    // Re-triaged: the caller says it happens every night, so the urgency goes up; the log keeps it.
    await page.getByTestId('case-triage-urgency').selectOption('high');
    await page.getByTestId('case-triage-apply').click();
    await expect.poll(() => desk.panel.getByTestId('case-urgency').innerText()).toBe('较急');
    await expect.poll(() => desk.timelineTypes()).toContain('case.triaged');

    // Routed to the proposed body, accepted with A, a mediation session starts the handling.
    const body = await desk.confirmProposedBody();
    expect(body).not.toBe('');
    await page.keyboard.press('a');
    await desk.waitForStatus('accepted');
    expect((await desk.sla()).text).toMatch(/^办结剩余 /);
    await desk.addSession('王秀英, 楼上住户', '双方同意晚十点后停止施工', '达成口头协议');
    await desk.waitForStatus('in_progress');

    // The signed agreement is attached: the case records the file's name, size and fingerprint.
    const agreement = Buffer.from('%PDF-1.4 调解协议（双方签字）');
    await desk.attach({ name: '调解协议.pdf', mimeType: 'application/pdf', buffer: agreement }, '双方签字的协议扫描件');
    const attached = desk.panel.getByTestId('case-attachment');
    await attached.waitFor();
    await expect.poll(() => desk.panel.getByTestId('case-attach-chosen').innerText()).toBe('未选择文件'); // cleared once added
    expect(await attached.getAttribute('data-sha256')).toBe(createHash('sha256').update(agreement).digest('hex'));
    expect(await desk.panel.getByTestId('case-note').first().innerText()).toMatch(/附件 双方签字的协议扫描件 \(调解协议\.pdf · \d+ B, application\/pdf\) · SHA-256 [0-9a-f]{12}…/);

    // Waiting for the reporter: the clock pauses, with the reason; then it runs again.
    await desk.withReason('case-pause', '等待诉求人确认协议');
    await page.getByTestId('case-paused').waitFor();
    const paused = await desk.sla();
    expect(paused.tone).toBe('paused');
    expect(paused.text).toMatch(/^已暂停 · 办结剩余 /);
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, 'cases-zh.png') });
    await page.getByTestId('case-resume').click();
    await page.getByTestId('case-paused').waitFor({ state: 'detached' });

    await desk.resolve('双方签订调解协议，施工时间调整');
    await desk.close('satisfied', '回访满意');
    expect(await desk.panel.getByTestId('case-feedback-shown').innerText()).toBe('满意');
    await expect
      .poll(() => desk.timelineTypes())
      .toEqual(['case.received', 'case.triaged', 'case.assigned', 'case.accepted', 'case.started', 'case.noted', 'case.noted', 'case.paused', 'case.resumed', 'case.completed', 'case.closed']);
    const closed = page.locator('[data-testid="case-event"][data-type="case.closed"]');
    expect(await closed.innerText()).toContain('满意 · 回访满意');

    // The dashboard moved: one more completed and resolved case, one more satisfied reporter.
    await wallPage.waitForFunction((c) => document.querySelector('[data-testid="kpi-collected"] [data-testid="kpi-value"]')?.textContent === c, String(collected + 1));
    await expect.poll(() => kpi.figureDetail('completionRate'), { timeout: 15_000 }).toBe(`${completed + 1} cases`);
    expect(await kpi.figure('completionRate')).not.toBe(completionOpen);
    await expect.poll(() => kpi.figureDetail('satisfaction'), { timeout: 15_000 }).toMatch(new RegExp(`^${satisfied + 1} satisfied · \\d+ not$`));
    expect(await kpi.figure('satisfaction')).toMatch(/^\d+\.\d %$/);
    await wallPage.screenshot({ path: join(DOCS, 'kpi-en.png') });

    // The period report: its figures in the page, then a PDF of it.
    const report = await kpi.openReport();
    expect(await report.getByTestId('print-period').innerText()).toMatch(/^Period \d{4}-01-01 to \d{4}-\d\d-\d\d/);
    const rows = report.getByTestId('print-figures');
    expect(await rows.locator('tr[data-figure="collected"] td').first().innerText()).toBe(String(collected + 1));
    expect(await rows.locator('tr[data-figure="completionRate"] td').first().innerText()).toBe(await kpi.figure('completionRate'));
    mkdirSync(RESULTS, { recursive: true });
    await wallPage.screenshot({ path: join(RESULTS, 'cases-report-en.png') });
    const pdf = await wallPage.pdf({ format: 'A4', printBackground: true, path: join(RESULTS, 'cases-report-en.pdf') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await wallPage.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });

    // CSV export in English: a header and the new case.
    const csv = await kpi.exportCsv();
    const text = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(text).toContain('楼上住户每晚十一点后装修敲打');

    // Every figure is auditable: as many cases behind "satisfied" as the tile counts, and one of
    // them opens on the desk.
    const audit = await kpi.openAudit('satisfaction');
    expect(Number(await audit.getAttribute('data-total'))).toBe(satisfied + 1);
    await wallPage.screenshot({ path: join(RESULTS, 'kpi-audit-en.png') });
    const first = audit.getByTestId('kpi-audit-row').first();
    const auditedId = await first.getAttribute('data-case');
    await first.click();
    await wallPage.locator(`[data-testid="case-panel"][data-case="${auditedId}"]`).waitFor();
    expect(await wallPage.getByTestId('kpi-audit').count()).toBe(0);

    // The map: open cases as dots, every case on the heatmap once it is switched on.
    await page.keyboard.press('q');
    await page.getByTestId('map').waitFor();
    await page.getByTestId('layer-heatmap').click();
    await expect.poll(() => desk.mapCases().then((m) => m.heat)).toBeGreaterThan(collected);
    expect((await desk.mapCases()).dots).toBeGreaterThan(0);

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
    expect(wallGuard.foreign).toEqual([]);
    expect(wallGuard.errors).toEqual([]);
  }, 300_000);

  it('turns a walk-in that is really an emergency into a dispatch incident in one action', async () => {
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.open(console_.token);
    await app.setLanguage('en');
    const desk = new CaseDeskPage(page);
    await desk.openDesk();
    // The map's case layer asked for the cases before the socket was ready: that first load waited for it.
    expect(await page.getByTestId('case-error').count()).toBe(0);
    const incidents = await app.queueRows.count();
    await page.keyboard.press('n');
    await page.getByTestId('case-form').waitFor();
    await page.getByTestId('case-channel-walk_in').click();
    await page.getByTestId('case-caller').fill('Zhao Lei');
    await page.getByTestId('form-location').fill('31.1300, 104.4000');
    await page.getByTestId('form-location').press('Enter');
    await page.locator('[data-testid="case-form"][data-point="set"]').waitFor();
    await page.getByTestId('case-category').selectOption('public_safety_hazard.gas');
    await page.getByTestId('case-description').fill('Strong smell of gas in the stairwell');
    await page.getByTestId('case-description').press('Enter');
    await desk.waitForStatus('received');
    expect(await desk.panel.innerText()).toContain('Walk-in');

    // The category proposes the incident type; one press converts the case.
    expect(await page.getByTestId('case-incident-type').inputValue()).toBe('hazmat');
    await page.getByTestId('case-convert').click();
    await desk.waitForStatus('converted');
    await desk.panel.getByTestId('case-incident').waitFor();
    expect(await page.locator('[data-testid="case-event"][data-type="case.converted"]').count()).toBe(1);

    // Back on the map, the incident waits in the dispatch queue.
    await page.keyboard.press('q');
    await expect.poll(() => app.queueRows.count()).toBe(incidents + 1);
    expect(await app.queueRows.first().innerText()).toContain('Hazardous materials leak');

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  }, 180_000);
});
