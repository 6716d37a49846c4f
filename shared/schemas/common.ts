import { z } from 'zod';

/** Ids that appear in MQTT topic segments and URLs. */
export const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const idSchema = z.string().regex(ID_PATTERN, 'must be 1–64 characters of A–Z a–z 0–9 _ . -');
export const uuidSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'must be a UUID');
export const latSchema = z.number().min(-90).max(90);
export const lonSchema = z.number().min(-180).max(180);
export const epochMsSchema = z.number().int().min(946_684_800_000).max(4_102_444_800_000);

/** Reports each zod issue as `path: message`, for people reading a rejection. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** JSON.parse that rejects keys able to reach an object prototype, and nesting past `maxDepth`. */
export function parseJsonStrict(text: string, maxDepth = 16): unknown {
  const value: unknown = JSON.parse(text);
  const walk = (v: unknown, depth: number): void => {
    if (depth > maxDepth) throw new Error(`nested deeper than ${maxDepth}`);
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new Error(`forbidden key "${key}"`);
      walk((v as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(value, 0);
  return value;
}
