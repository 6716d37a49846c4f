import type { CSSProperties } from 'react';

/**
 * A colour handed to CSS as the custom property `--c`. React sets it through the CSSOM
 * (element.style), which the page's `style-src 'self'` policy allows; a style attribute in
 * markup would not be.
 */
export function colourVar(colour: string): CSSProperties {
  return { '--c': colour } as CSSProperties;
}
