/**
 * Page model of the case desk (Q) and its KPI dashboard (P): what a hotline operator and a
 * caseworker do, in the words of the desk. Waits are on the page's own state (data attributes).
 */
import type { Download, Locator, Page } from 'playwright-core';

export interface HotlineCall {
  readonly caller: string;
  readonly phone: string;
  /** A place name typed into the location field (taken with Enter). */
  readonly place: string;
  readonly category: string;
  readonly description: string;
}

export class CaseDeskPage {
  constructor(readonly page: Page) {}

  get desk(): Locator {
    return this.page.getByTestId('case-desk');
  }

  get rows(): Locator {
    return this.page.getByTestId('case-row');
  }

  get panel(): Locator {
    return this.page.getByTestId('case-panel');
  }

  get dashboard(): Locator {
    return this.page.getByTestId('kpi-dashboard');
  }

  /** Q: the case desk, loaded. */
  async openDesk(): Promise<void> {
    if (!(await this.desk.isVisible())) await this.page.keyboard.press('q');
    await this.page.locator('[data-testid="case-desk"][data-loaded="true"]').waitFor();
  }

  /** P: the dashboard, with figures in. */
  async openDashboard(): Promise<void> {
    if (!(await this.dashboard.isVisible())) await this.page.keyboard.press('p');
    await this.page.getByTestId('kpi-tiles').waitFor();
  }

  /**
   * N, then the whole call typed: caller (focused), Tab, phone, Tab, place (Enter takes it), the
   * category chosen, the description, Enter registers it. Resolves with the new case's number.
   */
  async registerCall(call: HotlineCall): Promise<number> {
    await this.page.keyboard.press('n');
    const form = this.page.getByTestId('case-form');
    await form.waitFor();
    await this.page.keyboard.type(call.caller);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(call.phone);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(call.place);
    await this.page.getByTestId('place-option').first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('[data-testid="case-form"][data-point="set"]').waitFor();
    await this.page.getByTestId('case-category').selectOption(call.category);
    await this.page.getByTestId('case-description').focus();
    await this.page.keyboard.type(call.description);
    await this.page.keyboard.press('Enter');
    await this.panel.waitFor();
    return Number(await this.panel.getAttribute('data-number'))
  }

  selectedRow(): Locator {
    return this.page.locator('[data-testid="case-row"][aria-current="true"]');
  }

  async status(): Promise<string> {
    return (await this.panel.getAttribute('data-status')) ?? '';
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`[data-testid="case-panel"][data-status="${status}"]`).waitFor();
  }

  /** The SLA clock of the case at hand: tone and text. */
  async sla(): Promise<{ tone: string; text: string }> {
    const s = this.panel.getByTestId('sla').first();
    return { tone: (await s.getAttribute('data-tone')) ?? '', text: await s.innerText() };
  }

  async confirmProposedBody(): Promise<string> {
    const body = (await this.page.getByTestId('case-proposal').getAttribute('data-body')) ?? '';
    await this.page.getByTestId('case-confirm-body').click();
    await this.waitForStatus('assigned');
    return body;
  }

  /** A button's action that first asks for a reason (pause, return). */
  async withReason(testId: string, reason: string): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByTestId(`${testId}-reason`).fill(reason);
    await this.page.keyboard.press('Enter');
  }

  async addSession(parties: string, summary: string, result: string): Promise<void> {
    await this.page.getByTestId('case-work-session').click();
    await this.page.getByTestId('case-session-parties').fill(parties);
    await this.page.getByTestId('case-note-text').fill(summary);
    await this.page.getByTestId('case-session-result').fill(result);
    await this.page.getByTestId('case-note-save').click();
  }

  /** Attaches a file (its name, type, size and fingerprint are recorded) with a note. */
  async attach(file: { name: string; mimeType: string; buffer: Buffer }, note: string): Promise<void> {
    await this.page.getByTestId('case-work-attachment').click();
    await this.page.getByTestId('case-attach-file').setInputFiles(file);
    await this.page.getByTestId('case-attach-chosen').filter({ hasText: file.name }).waitFor();
    await this.page.getByTestId('case-note-text').fill(note);
    await this.page.getByTestId('case-note-save').click();
  }

  async resolve(summary: string): Promise<void> {
    await this.page.getByTestId('case-resolution').fill(summary);
    await this.page.keyboard.press('Enter');
    await this.waitForStatus('resolved');
  }

  async close(feedback: 'satisfied' | 'dissatisfied' | 'none', comment: string): Promise<void> {
    await this.page.getByTestId('case-feedback').selectOption(feedback);
    await this.page.getByTestId('case-feedback-comment').fill(comment);
    await this.page.keyboard.press('Enter');
    await this.waitForStatus('closed');
  }

  /** Timeline entries as event types, oldest first. */
  async timelineTypes(): Promise<string[]> {
    return this.page.getByTestId('case-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type') ?? ''));
  }

  /** A dashboard tile's value as shown. */
  async figure(key: 'collected' | 'completionRate' | 'resolutionRate' | 'accept' | 'complete' | 'slaBreaches' | 'satisfaction'): Promise<string> {
    return this.page.getByTestId(`kpi-${key}`).getByTestId('kpi-value').innerText();
  }

  /** The line under a tile's value (counts behind a rate, the change year on year). */
  async figureDetail(key: 'collected' | 'completionRate' | 'resolutionRate' | 'satisfaction'): Promise<string> {
    return this.page.getByTestId(`kpi-${key}`).getByTestId('kpi-detail').innerText();
  }

  async waitForFigure(key: 'collected' | 'completionRate' | 'satisfaction', value: string): Promise<void> {
    await this.page.waitForFunction(
      ([k, v]) => document.querySelector(`[data-testid="kpi-${k}"] [data-testid="kpi-value"]`)?.textContent === v,
      [key, value] as const,
      { timeout: 15_000 },
    );
  }

  /** Opens the cases behind a tile's figure (the audit list) and waits until they are in. */
  async openAudit(key: 'collected' | 'completionRate' | 'resolutionRate' | 'accept' | 'complete' | 'slaBreaches' | 'satisfaction'): Promise<Locator> {
    await this.page.getByTestId(`kpi-${key}`).click();
    const audit = this.page.locator('[data-testid="kpi-audit"]:not([data-total=""])');
    await audit.waitFor();
    return audit;
  }

  /** Export CSV: the file the browser receives. */
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('kpi-export').click()]);
    return download;
  }

  /** Opens the period report's print view and waits until its figures and charts are in. */
  async openReport(): Promise<Locator> {
    await this.page.getByTestId('kpi-print').click();
    const report = this.page.locator('[data-testid="print-report"][data-ready="true"]');
    await report.waitFor();
    await report.locator('[data-testid="print-chart-yoy"] svg').waitFor();
    return report;
  }

  /** How many cases the map's case layer and heatmap draw. */
  async mapCases(): Promise<{ dots: number; heat: number }> {
    const map = this.page.getByTestId('map');
    return { dots: Number((await map.getAttribute('data-case-features')) ?? '-1'), heat: Number((await map.getAttribute('data-heat-features')) ?? '-1') };
  }
}
