/**
 * Modules grouped as a host groups them: by the Twilio resource they work on (n8n's "Resource", Make's sections),
 * read from the request path. `/v2/Services/{serviceSid}/Verifications/{sid}` → "Verifications";
 * `/v2/Services/{serviceSid}/VerificationCheck` → "Verification Check"; `/v2/Attempts/Summary` → "Attempts Summary".
 * A composed module joins the group of the first module it calls; a module whose path is free-form goes to "Other".
 */
export interface GroupableModule {
  id: string;
  definition: { request?: { path?: string }; compose?: { steps?: Array<{ module?: string }> } };
}

export interface ModuleGroup {
  name: string;
  modules: string[];
}

export const OTHER_GROUP = 'Other';

/** The resource a request path names: the literal segments after the last placeholder, or else those before it. */
export function resourceOfPath(path: string): string | undefined {
  const segments = path.split('/').filter((s) => s !== '' && !/^v\d+$/.test(s) && !/^\d{4}-\d{2}-\d{2}$/.test(s));
  const isPlaceholder = (s: string): boolean => s.startsWith('{');
  let end = segments.length;
  if (end > 0 && isPlaceholder(segments[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !isPlaceholder(segments[start - 1]!)) start--;
  const run = segments.slice(start, end).map((s) => s.replace(/\.json$/, ''));
  if (run.length === 0) return undefined;
  return run.map(humanize).join(' ');
}

/** "VerificationCheck" → "Verification Check", "SafeList" → "Safe List". */
function humanize(segment: string): string {
  return segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

export function groupOf(module: GroupableModule, byId: Map<string, GroupableModule>, seen = new Set<string>()): string {
  const path = module.definition.request?.path;
  if (path) return resourceOfPath(path) ?? OTHER_GROUP;
  seen.add(module.id);
  const first = module.definition.compose?.steps?.find((s) => s.module && !seen.has(s.module))?.module;
  const called = first ? byId.get(first) : undefined;
  return called ? groupOf(called, byId, seen) : OTHER_GROUP;
}

/** Groups in the order their first module appears in the manifest; modules keep the manifest's order; Other last. */
export function groupModules(modules: readonly GroupableModule[]): ModuleGroup[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const groups = new Map<string, string[]>();
  for (const module of modules) {
    const name = groupOf(module, byId);
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(module.id);
  }
  const ordered = [...groups].map(([name, ids]) => ({ name, modules: ids }));
  return [...ordered.filter((g) => g.name !== OTHER_GROUP), ...ordered.filter((g) => g.name === OTHER_GROUP)];
}
