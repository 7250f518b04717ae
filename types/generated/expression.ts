/* Generated from schemas/expression.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The data-reference and condition language shared by module composition (a module's `compose` section) and scenarios (flows/*.json). It is data, read by connector/expressions/: no code is evaluated. A string that starts with `$.` is a reference (`$.params.to`, `$.steps.check.output.status`); `{{$.path}}` inside a longer string is replaced by the value's text; objects with one `$` key are operators (`$literal`, `$first`, `$count`, `$add`, `$if`, `$test`, `$lookup`). Paths read own properties only and may not name `__proto__`, `constructor` or `prototype`.
 */
export interface Expression {}
