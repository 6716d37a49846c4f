/**
 * The case queue: the filtered cases, open ones first, most urgent first, then least SLA time
 * left. ↑/↓ (or J/K anywhere on the desk) move through it; Enter or a click opens a case.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/cases/model';
import { useCases } from '../../hooks/cases';
import { useNow } from '../../hooks/now';
import { useRuntime } from '../../hooks/runtime';
import { queueOf } from '../../lib/cases';
import { CaseRow } from './CaseRow';
import { moveFocusInList } from '../../lib/keys';

/** The queue as shown (also what J/K step through). */
export function useQueue(): CaseView[] {
  const list = useCases((s) => s.list);
  const filters = useCases((s) => s.filters);
  const catalog = useCases((s) => s.catalog);
  // Re-sorted once a minute: the SLA order changes slowly; every row's clock ticks on its own.
  const minute = Math.floor(useNow() / 60_000);
  return useMemo(() => queueOf(list.values(), filters, catalog, minute * 60_000), [list, filters, catalog, minute]);
}

export function CaseQueue() {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const queue = useQueue();
  const side = useCases((s) => s.side);
  const selected = side.kind === 'case' ? side.id : null;
  return (
    <section className="qx-panel qx-desk__list" aria-labelledby="qx-case-queue-title" data-testid="case-queue">
      <h2 className="qx-panel__title" id="qx-case-queue-title">
        {t('cases.queue.title')}
        <span className="qx-count" data-testid="case-count">
          {queue.length}
        </span>
        <button type="button" className="qx-btn qx-btn--primary" onClick={() => cases.openForm()} data-testid="case-new">
          {t('cases.queue.new')} <kbd>N</kbd>
        </button>
      </h2>
      {queue.length === 0 ? (
        <p className="qx-empty" data-testid="case-queue-empty">
          {t('cases.queue.empty')}
        </p>
      ) : (
        <ol
          onKeyDown={moveFocusInList}
        >
          {queue.map((c) => (
            <li key={c.id}>
              <CaseRow c={c} current={c.id === selected} onOpen={() => cases.select(c.id)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
