// The few web-platform globals that shared/ uses: present in Node 20, Electron and every browser.
// Declared here because shared/ compiles with neither DOM nor Node types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
