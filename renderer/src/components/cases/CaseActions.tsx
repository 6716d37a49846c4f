/**
 * What can be done with the case now, by its status: accept (A) or return; start; pause while
 * waiting for the reporter, resume; resolve or record it not resolved; close with the reporter's
 * feedback. Notes and mediation sessions are in CaseWork; conversion in CaseConvert.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_FEEDBACK, type CaseFeedback, type CaseOutcome, type CaseView } from '../../../../shared/cases/model';
import { useRuntime } from '../../hooks/runtime';
import { ReasonAction } from './ReasonAction';

function Resolve({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const [summary, setSummary] = useState('');
  const resolve = (outcome: CaseOutcome): void => {
    if (summary.trim()) void cases.act((api) => api['cases.resolve']({ caseId: c.id, outcome, summary: summary.trim() }));
  };
  return (
    <div className="qx-case__row" data-testid="case-resolve-box">
      <label className="qx-field">
        <span>{t('cases.actions.resolution')}</span>
        <input
          maxLength={4000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && resolve('resolved')}
          data-testid="case-resolution"
        />
      </label>
      <button type="button" className="qx-btn qx-btn--primary" disabled={!summary.trim()} onClick={() => resolve('resolved')} data-testid="case-resolve">
        {t('cases.actions.resolve')}
      </button>
      <button type="button" className="qx-btn" disabled={!summary.trim()} onClick={() => resolve('not_resolved')} data-testid="case-not-resolved">
        {t('cases.actions.notResolved')}
      </button>
    </div>
  );
}

function Close({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const [feedback, setFeedback] = useState<CaseFeedback>('satisfied');
  const [comment, setComment] = useState('');
  const close = (): void => {
    void cases.act((api) => api['cases.close']({ caseId: c.id, feedback, comment: comment.trim() || undefined }));
  };
  return (
    <div className="qx-case__row" data-testid="case-close-box">
      <label className="qx-field">
        <span>{t('cases.actions.feedback')}</span>
        <select value={feedback} onChange={(e) => setFeedback(e.target.value as CaseFeedback)} data-testid="case-feedback">
          {CASE_FEEDBACK.map((f) => (
            <option key={f} value={f}>
              {t(`cases.feedback.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="qx-field">
        <span>{t('cases.actions.comment')}</span>
        <input maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && close()} data-testid="case-feedback-comment" />
      </label>
      <button type="button" className="qx-btn qx-btn--primary" onClick={close} data-testid="case-close">
        {t('cases.actions.close')}
      </button>
    </div>
  );
}

export function CaseActions({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const act = (name: 'cases.accept' | 'cases.start' | 'cases.resume'): void => {
    void cases.act((api) => api[name]({ caseId: c.id }));
  };
  const working = c.status === 'accepted' || c.status === 'in_progress';
  return (
    <section className="qx-case__actions-box" aria-label={t('cases.actions.title')} data-testid="case-actions">
      <div className="qx-case__actions">
        {c.status === 'assigned' && (
          <button type="button" className="qx-btn qx-btn--primary" onClick={() => act('cases.accept')} data-testid="case-accept">
            {t('cases.actions.accept')} <kbd>A</kbd>
          </button>
        )}
        {c.status === 'accepted' && !c.sla.paused && (
          <button type="button" className="qx-btn" onClick={() => act('cases.start')} data-testid="case-start">
            {t('cases.actions.start')}
          </button>
        )}
        {working && c.sla.paused && (
          <button type="button" className="qx-btn" onClick={() => act('cases.resume')} data-testid="case-resume">
            {t('cases.actions.resume')}
          </button>
        )}
        {(working || c.status === 'assigned') && !c.sla.paused && (
          <ReasonAction
            label={t('cases.actions.pause')}
            placeholder={t('cases.actions.pauseHint')}
            onConfirm={(reason) => cases.act((api) => api['cases.pause']({ caseId: c.id, reason }))}
            testId="case-pause"
          />
        )}
        {(c.status === 'assigned' || working) && (
          <ReasonAction
            label={t('cases.actions.return')}
            placeholder={t('cases.actions.returnHint')}
            onConfirm={(reason) => cases.act((api) => api['cases.return']({ caseId: c.id, reason }))}
            testId="case-return"
          />
        )}
      </div>
      {c.sla.paused && c.sla.pauseReason && (
        <p className="qx-alert qx-alert--warn" data-testid="case-paused">
          {t('cases.actions.pausedBecause', { reason: c.sla.pauseReason })}
        </p>
      )}
      {working && !c.sla.paused && <Resolve c={c} />}
      {(c.status === 'resolved' || c.status === 'not_resolved') && <Close c={c} />}
    </section>
  );
}
