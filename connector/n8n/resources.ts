/**
 * n8n groups a node's operations by resource ("Service", "Verification", …). Our modules carry no group, so it is
 * read from the data every module has: the id names a verb and a noun (`start-verification`, `list-services`,
 * `update-verification-status`), and a module joins the shortest noun another module also has, so
 * `update-verification-status` sits with `start-verification` under Verification. A module whose request path
 * is free-form (`make-api-call`) or whose id has no noun goes under Other.
 */
import type { ModuleInfo } from '../index.js';
import { camelCase, singular, titleCase } from './words.js';

export interface ResourceGroup {
  /** The `resource` parameter's value, e.g. `verification`. */
  value: string;
  /** What the editor shows, e.g. "Verification". */
  name: string;
  modules: ModuleInfo[];
}

export const OTHER_RESOURCE = 'other';

/** Words of a module's noun: `list-services` → ['service']; empty for a free-form request or a one-word id. */
function nounOf(module: ModuleInfo): string[] {
  const path = module.definition.request?.path;
  if (path !== undefined && /^\{[A-Za-z][A-Za-z0-9]*\}$/.test(path)) return [];
  const words = module.id.split('-').slice(1);
  if (words.length === 0) return [];
  words[words.length - 1] = singular(words[words.length - 1]!);
  return words;
}

/** The resources of the node, in the manifest's order of first appearance, Other last. */
export function groupModules(modules: readonly ModuleInfo[]): ResourceGroup[] {
  const nouns = modules.map(nounOf);
  const known = new Set(nouns.filter((n) => n.length > 0).map((n) => n.join('-')));
  const groups = new Map<string, ResourceGroup>();
  const other: ResourceGroup = { value: OTHER_RESOURCE, name: 'Other', modules: [] };
  modules.forEach((module, i) => {
    const noun = nouns[i]!;
    if (noun.length === 0) {
      other.modules.push(module);
      return;
    }
    let words = noun;
    for (let length = 1; length <= noun.length; length++) {
      if (known.has(noun.slice(0, length).join('-'))) {
        words = noun.slice(0, length);
        break;
      }
    }
    const value = camelCase(words);
    if (value === OTHER_RESOURCE) {
      other.modules.push(module);
      return;
    }
    let group = groups.get(value);
    if (!group) groups.set(value, (group = { value, name: titleCase(words), modules: [] }));
    group.modules.push(module);
  });
  return [...groups.values(), ...(other.modules.length > 0 ? [other] : [])];
}
