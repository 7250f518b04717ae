import { closest } from '../manifest/suggest.js';

/** ` Did you mean "get-service"?` for a misspelt name, or '' when no candidate is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const guess = closest(word, candidates);
  return guess ? ` Did you mean "${guess}"?` : '';
}
