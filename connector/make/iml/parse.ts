/**
 * A parser for the part of Make's IML (the `{{ … }}` expression language of app files) that this export writes:
 * references (`parameters.serviceSid`, `connection.edge`, `body.meta.next_page_url`), single-quoted strings, numbers,
 * `true`/`false`/`null`, `+` (joins text, adds numbers), `=` and `!=`, parentheses, and function calls with `;`
 * between arguments. Anything else is a syntax error, so a generated file that strays from the subset is caught.
 */

export type ImlNode =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'ref'; path: string[] }
  | { kind: 'call'; name: string; args: ImlNode[] }
  | { kind: 'binary'; op: '+' | '=' | '!='; left: ImlNode; right: ImlNode };

/** A template string: text between `{{ }}` and the expressions inside them. */
export type TemplatePart = { text: string } | { expr: ImlNode; source: string };

export class ImlSyntaxError extends Error {}

type Token = { type: 'string' | 'number' | 'ident' | 'punct'; value: string };

const PUNCT = ['!=', '(', ')', ';', '+', '=', '.'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const end = source.indexOf("'", i + 1);
      if (end < 0) throw new ImlSyntaxError(`a string that starts at ${i} is not closed`);
      tokens.push({ type: 'string', value: source.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ type: 'number', value: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ type: 'ident', value: match[0] });
      i += match[0].length;
    } else {
      const punct = PUNCT.find((p) => source.startsWith(p, i));
      if (!punct) throw new ImlSyntaxError(`unexpected "${c}" at ${i}`);
      tokens.push({ type: 'punct', value: punct });
      i += punct.length;
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ImlNode {
    const node = this.comparison();
    if (this.at < this.tokens.length) throw new ImlSyntaxError(`unexpected "${this.tokens[this.at]!.value}"`);
    return node;
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.at];
    return token?.type === 'punct' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.peek(value)) throw new ImlSyntaxError(`expected "${value}"${this.tokens[this.at] ? ` before "${this.tokens[this.at]!.value}"` : ' at the end'}`);
    this.at++;
  }

  private comparison(): ImlNode {
    const left = this.sum();
    for (const op of ['=', '!='] as const) {
      if (this.peek(op)) {
        this.at++;
        return { kind: 'binary', op, left, right: this.sum() };
      }
    }
    return left;
  }

  private sum(): ImlNode {
    let node = this.primary();
    while (this.peek('+')) {
      this.at++;
      node = { kind: 'binary', op: '+', left: node, right: this.primary() };
    }
    return node;
  }

  private primary(): ImlNode {
    const token = this.tokens[this.at++];
    if (!token) throw new ImlSyntaxError('an expression ends too early');
    if (token.type === 'string') return { kind: 'literal', value: token.value };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.value) };
    if (token.type === 'punct' && token.value === '(') {
      const inner = this.comparison();
      this.expect(')');
      return inner;
    }
    if (token.type !== 'ident') throw new ImlSyntaxError(`unexpected "${token.value}"`);
    if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return { kind: 'literal', value: null };
    if (this.peek('(')) {
      this.at++;
      const args: ImlNode[] = [];
      if (!this.peek(')')) {
        args.push(this.comparison());
        while (this.peek(';')) {
          this.at++;
          args.push(this.comparison());
        }
      }
      this.expect(')');
      return { kind: 'call', name: token.value, args };
    }
    const path = [token.value];
    while (this.peek('.')) {
      this.at++;
      const next = this.tokens[this.at++];
      if (next?.type !== 'ident' && next?.type !== 'number') throw new ImlSyntaxError(`a name must follow "." after ${path.join('.')}`);
      path.push(next.value);
    }
    return { kind: 'ref', path };
  }
}

export function parseExpression(source: string): ImlNode {
  return new Parser(tokenize(source)).parse();
}

/** The pieces of a template. Throws ImlSyntaxError for an unbalanced `{{`/`}}` or an expression outside the subset. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const strayClose = text.indexOf('}}', i);
    if (strayClose >= 0 && (open < 0 || strayClose < open)) throw new ImlSyntaxError(`"}}" at ${strayClose} closes nothing`);
    if (open < 0) {
      parts.push({ text: text.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: text.slice(i, open) });
    const close = text.indexOf('}}', open + 2);
    if (close < 0) throw new ImlSyntaxError(`"{{" at ${open} is not closed`);
    const source = text.slice(open + 2, close);
    if (source.includes('{{')) throw new ImlSyntaxError(`"{{" at ${open} is not closed before the next "{{"`);
    parts.push({ expr: parseExpression(source), source });
    i = close + 2;
  }
  return parts;
}

/** True when the text holds any `{{`. */
export function hasIml(text: string): boolean {
  return text.includes('{{');
}

/** Every reference path in an expression tree (for checking that each names something declared). */
export function referencesOf(node: ImlNode): string[][] {
  switch (node.kind) {
    case 'literal':
      return [];
    case 'ref':
      return [node.path];
    case 'call':
      return node.args.flatMap(referencesOf);
    case 'binary':
      return [...referencesOf(node.left), ...referencesOf(node.right)];
  }
}

/** The spread key of an object (`"{{...}}": "{{toCollection(…)}}"`): its value's entries join the parent object. */
export const SPREAD_KEY = '{{...}}';
