/** One case in the queue: number, urgency, category, channel, status, body, place, and its SLA clock. */
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/cases/model';
import { useCaseNames } from '../../hooks/cases';
import { urgencyRank } from '../../lib/cases';
import { SlaClock } from './SlaClock';

export function CaseRow({ c, current, onOpen }: { c: CaseView; current: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const names = useCaseNames();
  return (
    <button
      type="button"
      className={`qx-case-row qx-case-row--u${3 - urgencyRank(c.urgency)}`}
      aria-current={current}
      onClick={onOpen}
      data-testid="case-row"
      data-case={c.id}
      data-number={c.number}
      data-status={c.status}
    >
      <span className="qx-case-row__top">
        <span className="qx-case-row__ref">#{c.number}</span>
        <span className={`qx-tag qx-tag--urgency-${c.urgency}`}>{t(`cases.urgency.${c.urgency}`)}</span>
        <span>{names.category(c.category)}</span>
        <span className="qx-tag">{t(`cases.status.${c.status}`)}</span>
      </span>
      <span className="qx-case-row__sla">
        <SlaClock c={c} />
      </span>
      <span className="qx-case-row__sub">
        <span>{t(`cases.channel.${c.channel}`)}</span>
        <span>· {names.body(c.bodyId ?? c.proposedBodyId)}</span>
        <span className="qx-case-row__text">· {c.address || c.description}</span>
      </span>
    </button>
  );
}
