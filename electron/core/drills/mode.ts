/**
 * A database is either a live console's or a drill console's, for good: the first start records
 * which, and a console of the other kind refuses it. So a drill can never write into live data,
 * and a live console never publishes a drill's queued orders.
 */
import type { Database } from 'better-sqlite3';
import { ResourceError } from '../resources.js';

export function claimMode(db: Database, file: string, drill: boolean): void {
  const mode = drill ? 'drill' : 'live';
  const have = db.prepare("SELECT value FROM console_meta WHERE key = 'mode'").pluck().get() as string | undefined;
  if (have === undefined) {
    db.prepare("INSERT INTO console_meta (key, value) VALUES ('mode', ?)").run(mode);
    return;
  }
  if (have !== mode)
    throw new ResourceError(
      file,
      have === 'drill'
        ? 'this is a drill database: a live console refuses it (start with --drill, or choose another --data folder)'
        : 'this is a live database: a drill console refuses it (drills keep their own database under <data>/drill)',
    );
}
