import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { packageRoot } from '../paths.js';
import { FlowError } from './flow-error.js';
import type { Scenario } from '../../types/generated/scenario.js';

/** A scenario and where it came from (sub-scenario paths are relative to it). */
export interface LoadedScenario {
  scenario: Scenario;
  /** Absolute path of the file, or undefined for a scenario given as an object. */
  file?: string;
}

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  file: string;
}

export const templatesDir: string = join(packageRoot, 'flows');

/** The templates shipped in flows/, by id. */
export function listTemplates(): TemplateInfo[] {
  if (!existsSync(templatesDir)) return [];
  return readdirSync(templatesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(templatesDir, name);
      const scenario = JSON.parse(readFileSync(file, 'utf8')) as Partial<Scenario>;
      return { id: name.slice(0, -'.json'.length), title: scenario.title ?? '', description: scenario.description ?? '', file };
    });
}

/** True when `ref` names a file rather than a template id. */
export function isPath(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
}

/** Where `ref` points: flows/<id>.json for a template id, else a path relative to `from` (a scenario file) or the working directory. */
export function scenarioPath(ref: string, from?: string): string {
  if (!isPath(ref)) return join(templatesDir, `${ref}.json`);
  return isAbsolute(ref) ? ref : resolve(from ? dirname(from) : process.cwd(), ref);
}

/** Reads a scenario by template id or path. Validation is separate (validateScenario), and runScenario does it first. */
export function loadScenario(ref: string, from?: string): LoadedScenario {
  const file = scenarioPath(ref, from);
  if (!/^[A-Za-z0-9_./\\:-]+$/.test(ref) || !existsSync(file)) {
    const known = listTemplates().map((t) => t.id);
    throw new FlowError('scenario_not_found', `no scenario "${ref}"${isPath(ref) ? ` (${file})` : ''}.`, {
      problems: [{ pointer: '', message: isPath(ref) ? 'the file does not exist' : `templates: ${known.join(', ')}` }],
    });
  }
  let scenario: Scenario;
  try {
    scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  } catch (error) {
    const detail = (error as Error).message;
    throw new FlowError('invalid_scenario', `${file} is not valid JSON: ${detail}`, { problems: [{ pointer: '', message: `is not valid JSON: ${detail}`, hint: 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).' }] });
  }
  return { scenario, file };
}
