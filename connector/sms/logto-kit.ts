/**
 * The few pieces of `@logto/connector-kit` the connector uses at run time.
 *
 * Logto checks connector errors with `instanceof` against ITS copy of the kit, so the kit is never bundled: it is
 * imported lazily from wherever the host resolves it (Logto's own node_modules). Where no kit is installed (this
 * package used on its own, the CLI) a stand-in with the same shape is used: `error.code`, `error.data`.
 */
export interface LogtoConnectorError extends Error {
  code: string;
  data: unknown;
}

export interface LogtoKit {
  ConnectorError: new (code: string, data?: unknown) => LogtoConnectorError;
  validateConfig(config: unknown, guard: { safeParse(value: unknown): { success: boolean; error?: unknown } }): void;
  /** True when the host's `@logto/connector-kit` answered, false for the stand-in. */
  fromHost: boolean;
}

/** Same constructor and fields as connector-kit's ConnectorError. */
class StandInConnectorError extends Error implements LogtoConnectorError {
  code: string;
  data: unknown;
  constructor(code: string, data?: unknown) {
    super(`ConnectorError: ${data ? JSON.stringify(data) : code}`);
    this.name = 'ConnectorError';
    this.code = code;
    this.data = typeof data === 'string' ? { message: data } : data;
  }
}

const standIn: LogtoKit = {
  ConnectorError: StandInConnectorError,
  validateConfig(config, guard) {
    const result = guard.safeParse(config);
    if (!result.success) throw new StandInConnectorError('invalid_config', result.error);
  },
  fromHost: false,
};

let loading: Promise<LogtoKit> | undefined;

export function loadLogtoKit(): Promise<LogtoKit> {
  loading ??= import('@logto/connector-kit').then(
    (kit) => ({
      ConnectorError: kit.ConnectorError as unknown as LogtoKit['ConnectorError'],
      validateConfig: kit.validateConfig as unknown as LogtoKit['validateConfig'],
      fromHost: true,
    }),
    () => standIn,
  );
  return loading;
}
