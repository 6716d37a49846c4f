/**
 * The incident's narrative: notes with time and author, newest last, and a field to add one
 * (Shift+N jumps here; Enter adds, Shift+Enter starts a new line).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusRequest } from '../../../hooks/focus';
import { useDetail, useRuntime } from '../../../hooks/runtime';
import { clock } from '../../../lib/format';

export function Notes({ incidentId, closed }: { incidentId: string; closed: boolean }) {
  const { t } = useTranslation();
  const { actions } = useRuntime();
  const notes = useDetail((d) => d.notes);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  useFocusRequest('note', field);

  const add = (): void => {
    const body = text.trim();
    if (!body || busy) return;
    setBusy(true);
    void actions
      .addNote(incidentId, body)
      .then((n) => n && setText(''))
      .finally(() => setBusy(false));
  };

  return (
    <section className="qx-panel qx-notes" aria-labelledby="qx-notes-title" data-testid="notes">
      <h2 className="qx-panel__title" id="qx-notes-title">
        {t('notes.title')}
        <span className="qx-count">{notes.length}</span>
      </h2>
      {notes.length === 0 ? (
        <p className="qx-empty">{t('notes.none')}</p>
      ) : (
        <ol className="qx-notes__list">
          {notes.map((n) => (
            <li key={n.id} className="qx-note" data-testid="note">
              <div className="qx-note__meta">
                <span className="qx-mono">{clock(n.at)}</span> · <span>{n.actor}</span>
              </div>
              <p className="qx-note__text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      {!closed && (
        <form
          className="qx-notes__add"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <textarea
            ref={field}
            rows={2}
            maxLength={4000}
            value={text}
            placeholder={t('notes.placeholder')}
            aria-label={t('notes.add')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                add();
              }
            }}
            data-testid="note-input"
          />
          <button type="submit" className="qx-btn" disabled={busy || !text.trim()} data-testid="note-add">
            {t('notes.add')}
          </button>
        </form>
      )}
    </section>
  );
}
