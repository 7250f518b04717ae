/**
 * Rules about parameter lists that Make's parameters.json leaves out: names unique where Make stores them side by
 * side (a list and the nested fields of its selects' options share one object; two options of one select may reuse
 * a name, only one of them is shown), and a select's default among its options.
 */
import { childPointer, type MakeProblem } from './problem.js';

type Parameter = Record<string, unknown>;

function isParameter(value: unknown): value is Parameter {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function options(parameter: Parameter): Parameter[] {
  const raw = parameter['options'];
  const list = Array.isArray(raw) ? raw : isParameter(raw) && Array.isArray(raw['store']) ? raw['store'] : [];
  return list.filter(isParameter);
}

function nestedLists(parameter: Parameter): Array<{ list: unknown[]; pointer: string }> {
  const raw = parameter['options'];
  const store = Array.isArray(raw) ? { items: raw, at: '/options' } : isParameter(raw) && Array.isArray(raw['store']) ? { items: raw['store'] as unknown[], at: '/options/store' } : undefined;
  const lists: Array<{ list: unknown[]; pointer: string }> = [];
  store?.items.forEach((option, i) => {
    if (isParameter(option) && Array.isArray(option['nested'])) lists.push({ list: option['nested'], pointer: `${store.at}/${i}/nested` });
  });
  if (Array.isArray(parameter['nested'])) lists.push({ list: parameter['nested'], pointer: '/nested' });
  return lists;
}

/** The names a list puts into one object: its own and, recursively, its selects' nested fields. */
export function declaredNames(list: unknown): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(list)) return names;
  for (const parameter of list.filter(isParameter)) {
    if (typeof parameter['name'] === 'string') names.add(parameter['name']);
    for (const nested of nestedLists(parameter)) for (const name of declaredNames(nested.list)) names.add(name);
  }
  return names;
}

/** The declared parameter of that name (searching nested fields too). */
export function findParameter(list: unknown, name: string): Parameter | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const parameter of list.filter(isParameter)) {
    if (parameter['name'] === name) return parameter;
    for (const nested of nestedLists(parameter)) {
      const found = findParameter(nested.list, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** Field names of a collection's spec (or of an array's item collection). */
export function specNames(parameter: Parameter): Set<string> | undefined {
  const spec = parameter['spec'];
  if (Array.isArray(spec)) return declaredNames(spec);
  return undefined;
}

function checkList(file: string, list: unknown[], pointer: string, outer: ReadonlySet<string>, problems: MakeProblem[]): void {
  const seen = new Map<string, string>();
  const siblings = new Set(list.filter(isParameter).map((item) => item['name']).filter((name): name is string => typeof name === 'string'));
  list.forEach((item, i) => {
    const at = childPointer(pointer, i);
    if (!isParameter(item)) return;
    const name = item['name'];
    if (typeof name === 'string') {
      if (seen.has(name) || outer.has(name)) {
        problems.push({ file, pointer: `${at}/name`, message: `repeats the parameter name "${name}" (also at ${seen.get(name) ?? 'the list this one is nested in'}): Make keeps both in one place, so one would overwrite the other`, severity: 'error' });
      } else {
        seen.set(name, at);
      }
    }
    if (item['type'] === 'select' && item['default'] !== undefined) {
      const values = options(item).map((option) => JSON.stringify(option['value']));
      const defaults = Array.isArray(item['default']) && item['multiple'] === true ? (item['default'] as unknown[]) : [item['default']];
      if (values.length > 0 && defaults.some((value) => !values.includes(JSON.stringify(value)))) {
        problems.push({ file, pointer: `${at}/default`, message: `must be one of the select's option values (${values.join(', ')})`, severity: 'error' });
      }
    }
    const here = new Set([...outer, ...siblings]);
    for (const nested of nestedLists(item)) checkList(file, nested.list, `${at}${nested.pointer}`, here, problems);
    const spec = item['spec'];
    if (Array.isArray(spec)) checkList(file, spec, `${at}/spec`, new Set(), problems);
  });
}

export function parameterProblems(file: string, list: unknown): MakeProblem[] {
  const problems: MakeProblem[] = [];
  if (Array.isArray(list)) checkList(file, list, '', new Set(), problems);
  return problems;
}
