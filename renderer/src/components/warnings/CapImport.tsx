/**
 * Imports a CAP 1.2 alert from a file (.xml) through `alerts.importCap`, and says what came of
 * it: warnings raised or updated, why it changed nothing, or why the core refused it.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../hooks/runtime';
import { capIgnoredKey } from '../../lib/warnings';
import { message } from '../../store/runtime';

/** The API's own limit on the document. */
const MAX_BYTES = 256 * 1024;

type Outcome =
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly count: number }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'refused'; readonly reason: string };

export function CapImport() {
  const { t } = useTranslation();
  const { ops } = useRuntime();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const read = async (file: File): Promise<void> => {
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: 'refused', reason: t('cap.tooBig') });
      return;
    }
    setOutcome({ kind: 'busy' });
    try {
      const r = await ops.importCap(await file.text());
      if (r.ignored === null) setOutcome({ kind: 'done', count: r.warnings.length });
      else {
        const known = capIgnoredKey(r.ignored);
        setOutcome({ kind: 'ignored', reason: known ? t(known.key, known.params) : r.ignored });
      }
    } catch (e) {
      setOutcome({ kind: 'refused', reason: message(e) });
    }
  };

  const text = (o: Outcome): string => {
    if (o.kind === 'busy') return t('cap.importing');
    if (o.kind === 'done') return t('cap.done', { count: o.count });
    if (o.kind === 'ignored') return t('cap.ignored', { reason: o.reason });
    return t('cap.refused', { reason: o.reason });
  };
  const tone = outcome?.kind === 'refused' ? 'error' : outcome?.kind === 'ignored' ? 'warn' : 'info';

  return (
    <>
      <button
        type="button"
        className="qx-btn qx-btn--ghost"
        onClick={() => input.current?.click()}
        disabled={outcome?.kind === 'busy'}
        data-testid="cap-import"
      >
        {t('cap.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".xml,application/xml,text/xml"
        hidden
        data-testid="cap-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      {outcome && (
        <p className={`qx-alert qx-alert--${tone} qx-cap__result qx-break`} role="status" data-testid="cap-result" data-state={outcome.kind}>
          {text(outcome)}
        </p>
      )}
    </>
  );
}
