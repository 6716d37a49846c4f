/**
 * The command line (":" or Ctrl+K): one line such as `D 12` or `S F-101 on_scene`, run with
 * Enter. A mistake or a refusal is shown under the line and the line stays for correction; a
 * command that worked closes it and says so in the notice. ↑ / ↓ recall earlier lines.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandContext } from '../../hooks/command-context';
import { placesNow } from '../../hooks/places';
import { useRuntime } from '../../hooks/runtime';
import { parseCommand } from '../../lib/command';
import { COMMAND_HELP } from '../../lib/shortcuts';
import { runCommand } from '../../store/commands';
import { toUiError } from '../../store/operations';
import type { UiError } from '../../store/ui-store';
import { useErrorText } from './error-text';

const history: string[] = [];

export function CommandLine() {
  const { t } = useTranslation();
  const rt = useRuntime();
  const ctx = useCommandContext();
  const errorText = useErrorText();
  const [line, setLine] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const recall = useRef(history.length);

  const run = async (): Promise<void> => {
    const parsed = parseCommand(line, ctx);
    if (!parsed.ok) {
      const e = parsed.error;
      setError(
        e.key === 'usage'
          ? { code: 'bad_request', message: '', key: 'cmd.err.usage', params: { usage: t(`cmd.usage.${String(e.params.verb)}`) } }
          : { code: 'bad_request', message: '', key: `cmd.err.${e.key}`, params: e.params },
      );
      return;
    }
    history.push(line);
    recall.current = history.length;
    setBusy(true);
    try {
      const outcome = await runCommand(parsed.command, { ops: rt.ops, store: rt.store, ui: rt.ui, places: () => placesNow().list });
      rt.ui.notify(outcome.key, outcome.params);
      if (parsed.command.kind !== 'help') rt.ui.setOverlay(null);
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="qx-overlay qx-overlay--top" role="dialog" aria-label={t('cmd.title')} data-testid="command-line">
      <form
        className="qx-cmd"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <label className="qx-cmd__row">
          <span className="qx-cmd__prompt" aria-hidden="true">
            :
          </span>
          <input
            className="qx-cmd__input"
            autoFocus
            spellCheck={false}
            autoComplete="off"
            value={line}
            aria-label={t('cmd.title')}
            placeholder={t('cmd.placeholder')}
            aria-invalid={error !== null}
            aria-describedby="qx-cmd-msg"
            onChange={(e) => {
              setLine(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                rt.ui.setOverlay(null);
              } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                e.preventDefault();
                recall.current = Math.max(0, Math.min(history.length, recall.current + (e.key === 'ArrowUp' ? -1 : 1)));
                setLine(history[recall.current] ?? '');
              }
            }}
            data-testid="command-input"
          />
        </label>
        <p id="qx-cmd-msg" className={error ? 'qx-cmd__error' : 'qx-cmd__hint'} role={error ? 'alert' : undefined} data-testid="command-error">
          {error ? errorText(error) : busy ? t('cmd.running') : t('cmd.hint')}
        </p>
        <ul className="qx-cmd__help">
          {COMMAND_HELP.map((v) => (
            <li key={v}>
              <code>{t(`cmd.usage.${v}`)}</code>
            </li>
          ))}
        </ul>
      </form>
    </div>
  );
}
