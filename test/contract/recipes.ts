/** The make-api-call recipes of docs/recipes.md, read from the page itself: each JSON block is one recipe. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../connector/paths.js';

export interface Recipe {
  operation: string;
  input: { url: string; method: string; body?: Record<string, unknown>; bodyType?: 'form' | 'json'; qs?: Record<string, unknown> };
  sends: { method: string; path: string; form?: Array<[string, string]>; json?: unknown };
}

export const RECIPES_PAGE = join(packageRoot, 'docs', 'recipes.md');

export function readRecipes(): Recipe[] {
  const text = readFileSync(RECIPES_PAGE, 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as Recipe);
}
