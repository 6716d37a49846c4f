/** Entry point: styles, languages, the session (Electron bridge or WebSocket login), the app. */
import 'ol/ol.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/side.css';
import './styles/map.css';
import './styles/console.css';
import './styles/board.css';
import './styles/warnings.css';
import './styles/cases.css';
import './styles/panorama.css';
import './styles/wall.css';
import './styles/drills.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './components/Root';
import { initI18n } from './i18n';
import { SessionManager } from './store/session-manager';

initI18n(window.localStorage);
const sessions = new SessionManager(window.sessionStorage);
sessions.start(window.location);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Root sessions={sessions} />
  </StrictMode>,
);
