/** What the validator says about a connector: each problem by file and JSON pointer, with what to do. */
export interface ManifestProblem {
  /** Path from the connector folder, e.g. modules/start-verification.json. */
  file: string;
  /** JSON pointer inside that file ('' for the whole file). */
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  hint?: string;
}

export interface ManifestReport {
  valid: boolean;
  errors: ManifestProblem[];
}

/** Problems collected while checking one connector. */
export class Report {
  readonly errors: ManifestProblem[] = [];

  add(file: string, pointer: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error'): void {
    this.errors.push({ file, pointer, message, severity, ...(hint ? { hint } : {}) });
  }

  get valid(): boolean {
    return this.errors.every((e) => e.severity !== 'error');
  }

  toReport(): ManifestReport {
    return { valid: this.valid, errors: this.errors };
  }
}
