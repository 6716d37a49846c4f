// Vitest's global set-up: the whole run's temporary files in one folder, removed when the run ends.
import { tempRoot } from '../helpers/temp-root';

export default function setup(): () => void {
  return tempRoot('qx-run-');
}
