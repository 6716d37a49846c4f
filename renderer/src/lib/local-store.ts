/** This browser's localStorage, or null where there is none or it is refused (a sandboxed page, privacy settings). */
export function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
