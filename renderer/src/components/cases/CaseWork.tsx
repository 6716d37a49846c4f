/**
 * Progress on an open case: a note, a mediation session (parties, what was said, the result) or an
 * attached file (its name, type, size and SHA-256 are recorded; the file stays in the evidence
 * store), and the entries so far, newest first.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/api';
import type { CaseNote } from '../../../../shared/cases/model';
import { useNow } from '../../hooks/now';
import { useRuntime } from '../../hooks/runtime';
import { isOpen } from '../../lib/cases';
import { fileSize, fingerprint } from '../../lib/file-fingerprint';
import { stamp } from '../../lib/format';

export function CaseWork({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const now = useNow();
  const c = detail.case;
  const [kind, setKind] = useState<'note' | 'session' | 'attachment'>('note');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [parties, setParties] = useState('');
  const [result, setResult] = useState('');
  const record = async (): Promise<unknown> => {
    if (kind === 'attachment') {
      if (!file) return undefined;
      const sha256 = await fingerprint(file).catch(() => undefined); // unreadable now: attached without one
      const mime = file.type || 'application/octet-stream';
      return cases.act((api) => api['cases.addAttachment']({ caseId: c.id, name: file.name, mime, size: file.size, sha256, note: text.trim() || undefined }));
    }
    if (kind === 'note') return cases.act((api) => api['cases.addNote']({ caseId: c.id, text: text.trim() }));
    return cases.act((api) =>
      api['cases.addSession']({
        caseId: c.id,
        heldAt: Date.now(),
        parties: parties.split(/[,，、]/).map((p) => p.trim()).filter(Boolean),
        summary: text.trim(),
        result: result.trim() || undefined,
      }),
    );
  };
  const save = (): void => {
    if (kind === 'attachment' ? !file : !text.trim()) return;
    const work = record();
    void work.then((r) => {
      if (!r) return;
      setText('');
      setParties('');
      setResult('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    });
  };
  return (
    <section aria-label={t('cases.work.title')} data-testid="case-work">
      <h3 className="qx-case__sub">{t('cases.work.title')}</h3>
      {isOpen(c) && (
        <div className="qx-form" onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && save()}>
          <div className="qx-lang" role="radiogroup" aria-label={t('cases.work.kind')}>
            {(['note', 'session', 'attachment'] as const).map((k) => (
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
          {kind === 'attachment' && (
            <div className="qx-field">
              <span>{t('cases.work.file')}</span>
              <div className="qx-file">
                {/* The browser's own file button speaks the browser's language; this one the console's. */}
                <label className="qx-btn qx-btn--ghost">
                  {t('cases.work.chooseFile')}
                  <input ref={fileInput} type="file" className="qx-file__input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="case-attach-file" />
                </label>
                <span className="qx-file__name" data-testid="case-attach-chosen">
                  {file ? `${file.name} (${fileSize(file.size)})` : t('cases.work.noFile')}
                </span>
              </div>
              <small className="qx-hint">{t('cases.work.fileHint')}</small>
            </div>
          )}
          <label className="qx-field">
            <span>{kind === 'note' ? t('cases.work.note') : kind === 'session' ? t('cases.work.summary') : t('cases.work.fileNote')}</span>
            <input maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} data-testid="case-note-text" />
          </label>
          {kind === 'session' && (
            <label className="qx-field">
              <span>{t('cases.work.result')}</span>
              <input maxLength={500} value={result} onChange={(e) => setResult(e.target.value)} data-testid="case-session-result" />
            </label>
          )}
          <button type="button" className="qx-btn" disabled={kind === 'attachment' ? !file : !text.trim()} onClick={save} data-testid="case-note-save">
            {t('cases.work.save')}
          </button>
        </div>
      )}
      <ol className="qx-case-timeline" data-testid="case-notes">
        {[...detail.notes].reverse().map((n) => (
          <li key={n.id} data-kind={n.kind} data-testid="case-note">
            <time>{stamp(n.at, now)}</time>
            <span>
              <span className="qx-tag">{t(`cases.work.${n.kind}`)}</span> {n.text}
              {n.kind === 'attachment' && <AttachmentFacts text={n.text} data={n.data} />} <span className="qx-hint">· {n.actor}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** An attached file's size, type and fingerprint (shortened; the whole one on hover and in the data). */
function AttachmentFacts({ text, data }: { text: string; data: CaseNote['data'] }) {
  const { t } = useTranslation();
  const name = typeof data?.name === 'string' && data.name !== text ? data.name : null;
  const size = typeof data?.size === 'number' ? data.size : null;
  const mime = typeof data?.mime === 'string' ? data.mime : '';
  const sha = typeof data?.sha256 === 'string' ? data.sha256 : null;
  return (
    <span className="qx-hint" data-testid="case-attachment" data-sha256={sha ?? ''}>
      {' '}
      ({name === null ? '' : `${name} · `}
      {size === null ? '' : `${fileSize(size)}, `}
      {mime}) ·{' '}
      {sha ? (
        <span title={sha} className="qx-mono">
          SHA-256 {sha.slice(0, 12)}…
        </span>
      ) : (
        t('cases.work.noFingerprint')
      )}
    </span>
  );
}
