/** A problem found in a Make app: the file (relative to the app folder), a JSON pointer into it, and what to do. */
export interface MakeProblem {
  file: string;
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
}

export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${pointerToken(token)}`;
}
