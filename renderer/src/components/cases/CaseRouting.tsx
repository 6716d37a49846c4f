/**
 * Which body handles the case: the rules' proposal with why, confirmed in one press (Enter on
 * the focused button), or another body chosen with a reason (also how a case is reassigned).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/api';
import { useCaseNames, useCases } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';

export function CaseRouting({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const names = useCaseNames();
  const bodies = useCases((s) => s.catalog?.bodies ?? []);
  const c = detail.case;
  const proposal = detail.proposal;
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const assigned = c.bodyId !== null;
  const assign = (bodyId: string, why?: string): void => {
    void cases.act((api) => api['cases.assign']({ caseId: c.id, bodyId, reason: why })).then((r) => {
      if (!r) return;
      setOther('');
      setReason('');
    });
  };
  return (
    <section className="qx-case__routing" aria-label={t('cases.routing.title')} data-testid="case-routing">
      <h3 className="qx-case__sub">{t('cases.routing.title')}</h3>
      {proposal.bodyId ? (
        <p data-testid="case-proposal" data-body={proposal.bodyId} title={proposal.candidates[0]?.why}>
          {t('cases.routing.proposed', { body: names.body(proposal.bodyId) })}
        </p>
      ) : (
        <p className="qx-hint">{t('cases.routing.none')}</p>
      )}
      {!assigned && proposal.bodyId && (
        <button type="button" className="qx-btn qx-btn--primary" onClick={() => proposal.bodyId && assign(proposal.bodyId)} data-testid="case-confirm-body">
          {t('cases.routing.confirm', { body: names.body(proposal.bodyId) })}
        </button>
      )}
      <div className="qx-case__row">
        <label className="qx-field">
          <span>{assigned ? t('cases.routing.reassign') : t('cases.routing.override')}</span>
          <select value={other} onChange={(e) => setOther(e.target.value)} data-testid="case-other-body">
            <option value="">{t('cases.routing.chooseBody')}</option>
            {bodies
              .filter((b) => b.id !== c.bodyId)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {names.body(b.id)}
                </option>
              ))}
          </select>
        </label>
        <label className="qx-field">
          <span>{t('cases.routing.reason')}</span>
          <input
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && other && reason.trim()) assign(other, reason.trim());
            }}
            data-testid="case-override-reason"
          />
        </label>
        <button type="button" className="qx-btn" disabled={!other || !reason.trim()} onClick={() => assign(other, reason.trim())} data-testid="case-override">
          {t('cases.routing.assign')}
        </button>
      </div>
    </section>
  );
}
