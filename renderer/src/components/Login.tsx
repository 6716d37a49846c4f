/**
 * Shown in a browser without a valid token: the host prints the token at start
 * ("Open: http://…/#token=…"). The dispatcher's name is recorded with every action.
 */
import { useState, type SubmitEvent as ReactSubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './header/LanguageSwitch';

export function Login({ denied, actor, onLogin }: { denied: boolean; actor: string; onLogin: (token: string, actor: string) => void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [name, setName] = useState(actor);

  const submit = (e: ReactSubmitEvent): void => {
    e.preventDefault();
    if (token.trim()) onLogin(token.trim(), name.trim());
  };

  return (
    <main className="qx-login">
      <form className="qx-login__card" onSubmit={submit} data-testid="login">
        <div className="qx-login__brand">
          <span className="qx-brand__zh">全响应</span> <span className="qx-brand__en">Quanxiang</span>
        </div>
        <p className="qx-login__lead">{t('login.lead')}</p>
        {denied && (
          <p className="qx-alert qx-alert--error" role="alert" data-testid="login-denied">
            {t('login.denied')}
          </p>
        )}
        <label className="qx-field">
          <span>{t('login.token')}</span>
          <input
            type="password"
            autoComplete="off"
            autoFocus
            value={token}
            onChange={(e) => setToken(e.target.value)}
            data-testid="login-token"
          />
        </label>
        <label className="qx-field">
          <span>{t('login.name')}</span>
          <input maxLength={64} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('login.namePlaceholder')} data-testid="login-name" />
        </label>
        <div className="qx-login__actions">
          <LanguageSwitch />
          <button type="submit" className="qx-btn qx-btn--primary" disabled={!token.trim()} data-testid="login-submit">
            {t('login.submit')}
          </button>
        </div>
        <p className="qx-login__help">{t('login.help')}</p>
      </form>
    </main>
  );
}
