/** Mapping paths as integration platforms write them: `$.status`, `$.services[0].sid`, `$['odd key']`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** Every string in a value that is an `otpauth://` URI (a TOTP factor's binding), with its path. */
export function findOtpauthUris(value: unknown, path = '$'): Array<{ path: string; uri: string }> {
  if (typeof value === 'string') return /^otpauth:\/\//i.test(value) ? [{ path, uri: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findOtpauthUris(v, childPath(path, i)));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findOtpauthUris(v, childPath(path, k)));
  return [];
}
