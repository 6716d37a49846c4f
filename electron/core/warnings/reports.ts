/**
 * Citizen reports intake: reports from the app, the hotline and community stations enter one
 * queue with status 'new'. A report is identified by the sender's reportId: a repeat (an MQTT
 * redelivery, an app retrying after a lost answer) is the same report, never a second one. A
 * repeat that says something else is refused, so that the difference shows in diagnostics rather
 * than being silently dropped. The case desk works the queue (and adds its statuses) later.
 */
import type { ReportChannel, ReportView } from '../../../shared/model.js';
import type { ReportMsg } from '../../../shared/schemas/field.js';
import type { Store } from '../store/store.js';
import type { WarningQueries } from './views.js';

export class ReportDesk {
  constructor(
    private readonly store: Store,
    private readonly queries: WarningQueries,
    private readonly consoleId: string,
    private readonly push: (r: ReportView) => void,
  ) {}

  /** Takes one decoded report; returns why it is refused, or null (new or an identical repeat). */
  receive(channel: ReportChannel, msg: ReportMsg): string | null {
    const report = {
      reportId: msg.reportId,
      channel,
      category: msg.category,
      text: msg.text,
      lat: msg.lat,
      lon: msg.lon,
      address: msg.address,
      contact: msg.contact ?? null,
      ts: msg.ts,
    };
    const known = this.queries.report(msg.reportId);
    if (known) return sameReport(known, report) ? null : `report "${msg.reportId}" was already received with different content`;
    this.store.tx(() => this.store.append('report.received', report, { actor: `citizen:${channel}`, consoleId: this.consoleId }));
    const view = this.queries.report(msg.reportId);
    if (view) this.push(view);
    return null;
  }

  list(status?: ReportView['status']): ReportView[] {
    return this.queries.reports(status);
  }
}

function sameReport(a: ReportView, b: { channel: string; category: string; text: string; lat: number; lon: number; address: string; contact: string | null; ts: number }): boolean {
  return (
    a.channel === b.channel && a.category === b.category && a.text === b.text && a.lat === b.lat && a.lon === b.lon &&
    a.address === b.address && a.contact === b.contact && a.ts === b.ts
  );
}
