/**
 * JSON pointers (RFC 6901), the one way this package names a place in a document: `/properties/to`,
 * `/steps/0/input/to`. A token escapes `~` as `~0` and `/` as `~1`.
 */

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `base` followed by each token, escaped: pointerTo('/properties', 'a/b') → '/properties/a~1b'. */
export function pointerTo(base: string, ...tokens: Array<string | number>): string {
  let pointer = base;
  for (const token of tokens) pointer += `/${escapeToken(token)}`;
  return pointer;
}

/** '/a~1b/0' → ['a/b', '0']; '' → []. */
export function tokensOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken);
}
