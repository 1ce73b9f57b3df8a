// Named prepared statements on PGlite (ADR 0335). PGlite's `query` sends every statement as six separate calls into
// the WebAssembly backend (Parse, Describe, Bind, Describe, Execute, Sync) and PostgreSQL parses and plans it each
// time; drizzle's PGlite driver ignores the name a statement was prepared under. A statement named through
// `nameStatement` is parsed once under that name and afterwards runs as one call (Bind, Describe, Execute, Sync).
// Loaded only when the embedded database is used.
import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';

/** The PGlite client handed to drizzle: PGlite itself, plus the statements that run under a name. */
export type NamingPGlite = PGlite & {
  /** From now on `query(text)` runs as the named prepared statement `name`. */
  nameStatement(text: string, name: string): void;
};

interface Statement {
  name: string;
  /** Parameter types PostgreSQL inferred at Parse; undefined until the statement is parsed. */
  paramTypes?: number[];
}

const { serialize } = protocol;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Wraps `client` so that named statements skip parsing and planning; every other call goes to PGlite unchanged. */
export function namingPGlite(client: PGlite): NamingPGlite {
  const named = new Map<string, Statement>();

  async function run<T>(statement: Statement, text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const { name } = statement;
    if (!statement.paramTypes) {
      // Close first, so that a statement of that name left from an earlier failed attempt is replaced.
      const messages = await client.execProtocolStream(
        concat([serialize.close({ type: 'S', name }), serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
        { syncToFs: false },
      );
      statement.paramTypes = parse.parseDescribeStatementResults(messages);
    }
    // Serialised exactly as PGlite's own `query` does: by the type PostgreSQL inferred for each parameter.
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[statement.paramTypes![i]!] ?? client.serializers[statement.paramTypes![i]!];
      return serializer ? serializer(value) : String(value);
    });
    try {
      const messages = await client.execProtocolStream(
        concat([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
        { syncToFs: false },
      );
      await client.syncToFs();
      return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    } catch (err) {
      Object.assign(err as object, { query: text, params });
      throw err;
    }
  }

  // The same two locks as PGlite's `query`: no statement runs inside another caller's open transaction.
  const query = <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
    const statement = named.get(text);
    if (!statement) return client.query<T>(text, params, options);
    return client._runExclusiveTransaction(() => client._runExclusiveQuery(() => run<T>(statement, text, params, options)));
  };
  const names = new Map<string, string>();
  const nameStatement = (text: string, name: string) => {
    if (named.has(text)) return;
    // One database session holds all names: a second text under the same name would replace the first's statement.
    if (names.has(name)) throw new Error(`prepared statement ${name} is already used for another statement`);
    names.set(name, text);
    named.set(text, { name });
  };

  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'nameStatement') return nameStatement;
      const value = Reflect.get(target, property, target) as unknown;
      // PGlite's methods use private fields: they must run with the real instance as `this`.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as NamingPGlite;
}
