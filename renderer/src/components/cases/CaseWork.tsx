/**
 * Progress on an open case: a note, or a mediation session (parties, what was said, the result),
 * and the notes so far, newest first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/api';
import { useNow } from '../../hooks/now';
import { useRuntime } from '../../hooks/runtime';
import { isOpen } from '../../lib/cases';
import { stamp } from '../../lib/format';

export function CaseWork({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const now = useNow();
  const c = detail.case;
  const [kind, setKind] = useState<'note' | 'session'>('note');
  const [text, setText] = useState('');
  const [parties, setParties] = useState('');
  const [result, setResult] = useState('');
  const save = (): void => {
    if (!text.trim()) return;
    const work =
      kind === 'note'
        ? cases.act((api) => api['cases.addNote']({ caseId: c.id, text: text.trim() }))
        : cases.act((api) =>
            api['cases.addSession']({
              caseId: c.id,
              heldAt: Date.now(),
              parties: parties.split(/[,，、]/).map((p) => p.trim()).filter(Boolean),
              summary: text.trim(),
              result: result.trim() || undefined,
            }),
          );
    void work.then((r) => {
      if (!r) return;
      setText('');
      setParties('');
      setResult('');
    });
  };
  return (
    <section aria-label={t('cases.work.title')} data-testid="case-work">
      <h3 className="qx-case__sub">{t('cases.work.title')}</h3>
      {isOpen(c) && (
        <div className="qx-form" onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && save()}>
          <div className="qx-lang" role="radiogroup" aria-label={t('cases.work.kind')}>
            {(['note', 'session'] as const).map((k) => (
              <button key={k} type="button" role="radio" className="qx-lang__btn" aria-checked={kind === k} aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`case-work-${k}`}>
                {t(`cases.work.${k}`)}
              </button>
            ))}
          </div>
          {kind === 'session' && (
            <label className="qx-field">
              <span>{t('cases.work.parties')}</span>
              <input maxLength={500} value={parties} onChange={(e) => setParties(e.target.value)} data-testid="case-session-parties" />
            </label>
          )}
          <label className="qx-field">
            <span>{kind === 'note' ? t('cases.work.note') : t('cases.work.summary')}</span>
            <input maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} data-testid="case-note-text" />
          </label>
          {kind === 'session' && (
            <label className="qx-field">
              <span>{t('cases.work.result')}</span>
              <input maxLength={500} value={result} onChange={(e) => setResult(e.target.value)} data-testid="case-session-result" />
            </label>
          )}
          <button type="button" className="qx-btn" disabled={!text.trim()} onClick={save} data-testid="case-note-save">
            {t('cases.work.save')}
          </button>
        </div>
      )}
      <ol className="qx-case-timeline" data-testid="case-notes">
        {[...detail.notes].reverse().map((n) => (
          <li key={n.id} data-kind={n.kind} data-testid="case-note">
            <time>{stamp(n.at, now)}</time>
            <span>
              <span className="qx-tag">{t(`cases.work.${n.kind}`)}</span> {n.text} <span className="qx-hint">· {n.actor}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
