/**
 * A button that asks for a short text before it acts (pause: why; return: why; override: why):
 * the first press opens a field with the focus, Enter confirms, Escape closes it again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ReasonAction({
  label,
  placeholder,
  onConfirm,
  testId,
  disabled = false,
}: {
  label: string;
  placeholder: string;
  onConfirm: (text: string) => Promise<unknown>;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!open)
    return (
      <button type="button" className="qx-btn" disabled={disabled} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
    );
  const confirm = (): void => {
    if (!text.trim()) return;
    void onConfirm(text.trim()).then(() => {
      setOpen(false);
      setText('');
    });
  };
  return (
    <span className="qx-case__row" data-testid={`${testId}-box`}>
      <label className="qx-field">
        <span>{label}</span>
        <input
          autoFocus
          maxLength={500}
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              confirm();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
          data-testid={`${testId}-reason`}
        />
      </label>
      <button type="button" className="qx-btn qx-btn--primary" disabled={!text.trim()} onClick={confirm} data-testid={`${testId}-confirm`}>
        {t('cases.actions.confirm')}
      </button>
    </span>
  );
}
