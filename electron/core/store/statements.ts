/**
 * A prepared-statement cache for one database: each SQL text is prepared once, since preparing
 * costs more than running the small queries the projections and views make. Every SQL here is
 * parameterised; callers never build SQL from values.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface Statements {
  /** The cached statement for `sql`. */
  readonly stmt: (sql: string) => Statement;
  readonly run: (sql: string, ...params: unknown[]) => void;
  /** The first column of the first row, or undefined. */
  readonly one: (sql: string, ...params: unknown[]) => unknown;
}

export function statements(db: Database): Statements {
  const cache = new Map<string, Statement>();
  const stmt = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  return {
    stmt,
    run: (sql, ...params) => void stmt(sql).run(...params),
    one: (sql, ...params) => stmt(sql).pluck().get(...params),
  };
}
