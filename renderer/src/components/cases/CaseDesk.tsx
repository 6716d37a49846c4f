/**
 * The case desk (Q): the queue of citizen cases on the left (filters, SLA clock on every row,
 * most urgent first), and on the right the hotline form (N) or the case at hand. Failures of the
 * desk's calls show above the side.
 */
import { useTranslation } from 'react-i18next';
import { useCases, useCasesLoaded } from '../../hooks/cases';
import { useErrorText } from '../keyboard/error-text';
import { CaseFiltersBar } from './CaseFilters';
import { CasePanel } from './CasePanel';
import { CaseQueue } from './CaseQueue';
import { HotlineForm } from './HotlineForm';

export function CaseDesk() {
  const { t } = useTranslation();
  const loaded = useCasesLoaded();
  const side = useCases((s) => s.side);
  const error = useCases((s) => s.error);
  const errorText = useErrorText();
  return (
    <section className="qx-desk" aria-label={t('cases.desk.label')} data-testid="case-desk" data-loaded={loaded}>
      <div className="qx-desk__queue">
        <CaseFiltersBar />
        <CaseQueue />
      </div>
      <div className="qx-desk__side" data-testid="case-side" data-side={side.kind}>
        {error && (
          <p className="qx-alert qx-alert--error" role="alert" data-testid="case-error" data-code={error.code}>
            {errorText(error)}
          </p>
        )}
        {side.kind === 'new' && <HotlineForm key={side.form} lat={side.lat} lon={side.lon} />}
        {side.kind === 'case' && <CasePanel key={side.id} id={side.id} />}
        {side.kind === 'idle' && (
          <section className="qx-panel qx-idle">
            <h2 className="qx-panel__title">{t('cases.desk.idleTitle')}</h2>
            <p className="qx-idle__text">{t('cases.desk.idleText')}</p>
          </section>
        )}
      </div>
    </section>
  );
}
