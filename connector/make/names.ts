/**
 * Make's names for the app's parts. Make allows letters and digits only in module and RPC names (3 to 48), lower
 * case, digits and dashes in app and connection names: kebab-case ids become camelCase.
 */
export const MODULE_NAME = /^[a-zA-Z][0-9a-zA-Z]{2,47}$/;
export const APP_NAME = /^[a-z][0-9a-z-]{1,28}[0-9a-z]$/;
export const CONNECTION_NAME = /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/;

export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The Make module name of a module id; throws when Make cannot take it (too long, odd characters). */
export function moduleName(id: string): string {
  const name = camelCase(id);
  if (!MODULE_NAME.test(name)) throw new Error(`Module "${id}" cannot be named in Make: "${name}" must be 3 to 48 letters and digits, starting with a letter.`);
  return name;
}
