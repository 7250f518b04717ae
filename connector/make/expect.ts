/**
 * A module's mappable parameters (expect.imljson) from its field plans. A field that applies only for some values of
 * a select (`x-show-when`) becomes a nested parameter of those options, as Make shows it only when that option is
 * chosen; a condition Make cannot say that way (several fields, a field that is not a list of choices) keeps the
 * field at the top with the condition in its help, and is reported.
 */
import type { FieldPlan } from './fields.js';
import type { MakeOption, MakeParameter } from './types.js';

export interface ExpectResult {
  parameters: MakeParameter[];
  /** Field → why its condition could not be nested. */
  notes: Array<{ property: string; what: string }>;
}

function describe(values: unknown[]): string {
  return values.map((v) => String(v)).join(' or ');
}

export function expectFor(plans: FieldPlan[]): ExpectResult {
  const notes: ExpectResult['notes'] = [];
  const top = new Map(plans.map((plan) => [plan.property, structuredClone(plan.parameter)]));
  const nestedUnder = new Map<string, Map<unknown, MakeParameter[]>>();
  for (const plan of plans) {
    if (!plan.showWhen) continue;
    const entries = Object.entries(plan.showWhen);
    const [controlName, values] = entries[0] ?? [];
    const control = controlName !== undefined ? top.get(controlName) : undefined;
    const options = control && Array.isArray(control.options) ? (control.options as MakeOption[]) : undefined;
    const nestable = entries.length === 1 && options !== undefined && values!.every((v) => options.some((o) => o.value === v));
    const parameter = top.get(plan.property)!;
    if (!nestable) {
      const rule = entries.map(([field, vs]) => `${top.get(field)?.label ?? field} is ${describe(vs)}`).join(' and ');
      parameter.help = `${parameter.help ? `${parameter.help} ` : ''}Only used when ${rule}.`;
      notes.push({ property: plan.property, what: `shown at all times (Make nests fields under one list of choices only): used when ${rule}` });
      continue;
    }
    const { advanced: _shownWithItsOption, ...nested } = parameter;
    const byValue = nestedUnder.get(controlName!) ?? new Map<unknown, MakeParameter[]>();
    for (const value of values!) byValue.set(value, [...(byValue.get(value) ?? []), nested]);
    nestedUnder.set(controlName!, byValue);
    top.delete(plan.property);
  }
  for (const [controlName, byValue] of nestedUnder) {
    const control = top.get(controlName);
    if (!control || !Array.isArray(control.options)) continue;
    control.options = control.options.map((option) => (byValue.has(option.value) ? { ...option, nested: byValue.get(option.value)! } : option));
  }
  return { parameters: [...top.values()], notes };
}
