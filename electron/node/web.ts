/** `npm run web`: serves the console over HTTP + WebSocket. */
import { serveWeb } from './host.js';

void serveWeb(process.argv.slice(2));
