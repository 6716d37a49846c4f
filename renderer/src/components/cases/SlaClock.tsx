/**
 * A case's SLA clock as words and colour (never colour alone): "accept within 3 h 05 min",
 * "complete within 2 d 4 h", "paused (waiting for the reporter)", "accept overdue by 20 min",
 * or, once handled, "in time" / "overdue". Ticks with the page clock.
 */
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/cases/model';
import { useNow } from '../../hooks/now';
import { hoursMinutes, slaReading } from '../../lib/cases';

export function useSpanText(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    const { d, h, m } = hoursMinutes(ms);
    if (d > 0) return t('cases.span.dh', { d, h });
    if (h > 0) return t('cases.span.hm', { h, m: String(m).padStart(2, '0') });
    return t('cases.span.m', { m });
  };
}

export function SlaClock({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const now = useNow();
  const span = useSpanText();
  const r = slaReading(c, now);
  let text: string;
  if (r.tone === 'done') text = t(r.breached ? 'cases.sla.doneLate' : 'cases.sla.doneInTime');
  else if (r.tone === 'paused') text = t(`cases.sla.paused.${r.phase ?? 'accept'}`, { left: span(r.ms) });
  else if (r.breached) text = t(`cases.sla.over.${r.phase ?? 'accept'}`, { over: span(-r.ms) });
  else text = t(`cases.sla.left.${r.phase ?? 'accept'}`, { left: span(r.ms) });
  return (
    <span className={`qx-sla qx-sla--${r.tone}`} data-testid="sla" data-tone={r.tone} data-phase={r.phase ?? 'done'}>
      {text}
    </span>
  );
}
