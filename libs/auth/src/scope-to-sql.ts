// Lists are scoped in SQL from the CASL rules (DESIGN.md §5, STYLE.md "Data").
//
// Like casl's rulesToQuery/accessibleBy: the `can` rules are OR-ed, each bounded by the
// higher-priority inverted rules (AND NOT); fields are ignored (a field rule does not hide rows).
// No rule at all gives FALSE, an unconditional rule TRUE. Anything this file cannot translate
// exactly (unknown field, unknown operator, odd value) throws: it never widens silently.
//
// Every positive predicate is TRUE exactly when the in-memory matcher says true (FALSE or NULL
// otherwise); negations use `IS NOT TRUE` so that NULL columns negate as in memory.
import { rulesToCondition } from '@casl/ability/extra';
import type { RuleOf } from '@casl/ability';
import type { AppAbility, AppAction } from './types.js';

/**
 * A SQL column expression, or a Postgres array column with its element type (e.g. `c.co_unit_ids`
 * of `uuid`): conditions on it are written with the array operators `@>` and `&&`, which a GIN index
 * answers (`= ANY(column)` reads every row).
 */
export type ColumnSpec = string | { column: string; array: true; element: 'uuid' | 'text' };

export interface SqlScope {
  /** WHERE fragment with TypeORM-style named parameters (`:scope_0`, `:...scope_1`). */
  sql: string;
  params: Record<string, unknown>;
  /**
   * When `sql` is an OR of several rules' conditions: each of them (same parameters). A sorted,
   * limited list can then read each branch from its own index and merge (an OR defeats an ordered
   * index scan).
   */
  anyOf?: string[];
}

type Rule = RuleOf<AppAbility>;
type Ast = NonNullable<Rule['ast']>;
interface Column {
  expr: string;
  /** The element type of an array column; undefined for a scalar one. */
  element?: 'uuid' | 'text';
}

/** Escapes LIKE wildcards (`%`, `_`) and the escape character `\` (PostgreSQL's default). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

const PARAM_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The rows `ability` may `action` on, as a WHERE fragment.
 * `columns` maps condition fields (e.g. `regionPath`) to trusted SQL column expressions.
 */
export function scopeToSql(
  ability: AppAbility,
  action: AppAction,
  subjectType: 'Case' | 'Ledger' | 'CreditRepair' | 'Interview',
  columns: Record<string, ColumnSpec>,
  paramPrefix = 'scope',
): SqlScope {
  if (!PARAM_PREFIX.test(paramPrefix)) {
    throw new Error(`scopeToSql: invalid parameter prefix ${JSON.stringify(paramPrefix)}`);
  }
  const translator = new SqlTranslator(columns, paramPrefix);
  let anyOf: string[] | undefined;
  const sql = rulesToCondition(
    relevantRules(ability.rulesFor(action, subjectType)),
    (rule) => (rule.inverted ? `(${translator.translate(rule.ast)}) IS NOT TRUE` : translator.translate(rule.ast)),
    {
      and: (parts) => `(${parts.join(' AND ')})`,
      // Called once, at the top: the branches of the whole condition.
      or: (parts) => {
        if (parts.length === 1) return parts[0];
        anyOf = parts;
        return `(${parts.join(' OR ')})`;
      },
      empty: () => 'TRUE',
    },
  );
  return { sql: sql ?? 'FALSE', params: translator.params, ...(anyOf ? { anyOf } : {}) };
}

/**
 * The rules that can change the result: drops a rule when a higher-priority rule of the same
 * kind and conditions was already seen (e.g. a field rule repeating its role's row rule; the
 * earlier one covers it), and the inverted rules below the last `can` (they bound nothing).
 */
function relevantRules(rules: readonly Rule[]): Rule[] {
  const seen = new Set<string>();
  const unique = rules.filter((rule) => {
    const key = `${rule.inverted ? '!' : ''}${JSON.stringify(rule.conditions ?? null)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let end = unique.length;
  while (end > 0 && unique[end - 1].inverted) end--;
  return unique.slice(0, end);
}

class SqlTranslator {
  readonly params: Record<string, unknown> = {};
  private counter = 0;

  constructor(
    private readonly columns: Record<string, ColumnSpec>,
    private readonly prefix: string,
  ) {}

  translate(ast: Ast | undefined): string {
    if (!ast) throw new Error('scopeToSql: rule without conditions AST');
    return this.node(ast);
  }

  private node(node: Ast): string {
    switch (node.operator) {
      case 'and':
        return this.compound(node, 'AND', 'TRUE');
      case 'or':
        return this.compound(node, 'OR', 'FALSE');
      case 'not':
        return `${this.compound(node, 'AND', 'TRUE')} IS NOT TRUE`;
      case 'nor':
        return `${this.compound(node, 'OR', 'FALSE')} IS NOT TRUE`;
      case 'eq':
        return this.eq(node);
      case 'ne':
        return this.ne(node);
      case 'in':
        return this.in(node);
      case 'nin':
        return `(${this.in(node)}) IS NOT TRUE`;
      case 'within':
        return this.within(node);
      default:
        throw new Error(`scopeToSql: unsupported condition operator "${node.operator}"`);
    }
  }

  private compound(node: Ast, joiner: 'AND' | 'OR', empty: 'TRUE' | 'FALSE'): string {
    const children = this.children(node);
    if (children.length === 0) return empty;
    if (children.length === 1) return `(${this.node(children[0])})`;
    return `(${children.map((child) => this.node(child)).join(` ${joiner} `)})`;
  }

  private eq(node: Ast): string {
    const column = this.column(node);
    const value = node.value;
    if (value === null) {
      if (column.element) throw new Error(`scopeToSql: null in array column for "${this.fieldOf(node)}"`);
      return `${column.expr} IS NULL`;
    }
    const p = this.param(this.scalar(node, value));
    return column.element ? `${column.expr} @> ARRAY[:${p}]::${column.element}[]` : `${column.expr} = :${p}`;
  }

  private ne(node: Ast): string {
    const column = this.column(node);
    const value = node.value;
    if (value === null) {
      if (column.element) throw new Error(`scopeToSql: null in array column for "${this.fieldOf(node)}"`);
      return `${column.expr} IS NOT NULL`;
    }
    const p = this.param(this.scalar(node, value));
    return column.element ? `(${column.expr} @> ARRAY[:${p}]::${column.element}[]) IS NOT TRUE` : `${column.expr} IS DISTINCT FROM :${p}`;
  }

  private in(node: Ast): string {
    const column = this.column(node);
    const values = node.value;
    if (!Array.isArray(values)) throw new Error(`scopeToSql: "${node.operator}" expects an array`);
    const scalars = values.map((value) => this.scalar(node, value));
    if (scalars.length === 0) return 'FALSE';
    if (column.element) return `${column.expr} && ARRAY[:...${this.param(scalars)}]::${column.element}[]`;
    return `${column.expr} IN (:...${this.param(scalars)})`;
  }

  private within(node: Ast): string {
    const column = this.column(node);
    if (column.element) throw new Error(`scopeToSql: "$within" on array column for "${this.fieldOf(node)}"`);
    const root = node.value;
    if (typeof root !== 'string' || root === '') throw new Error('scopeToSql: "$within" expects a region path');
    const p = this.param(root);
    this.params[`${p}_like`] = `${escapeLike(root)}.%`;
    return `(${column.expr} = :${p} OR ${column.expr} LIKE :${p}_like)`;
  }

  private children(node: Ast): Ast[] {
    if (!Array.isArray(node.value)) throw new Error(`scopeToSql: malformed "${node.operator}" condition`);
    return node.value as Ast[];
  }

  private fieldOf(node: Ast): string {
    const field = (node as { field?: unknown }).field;
    if (typeof field !== 'string') throw new Error(`scopeToSql: "${node.operator}" condition has no field`);
    return field;
  }

  private column(node: Ast): Column {
    const field = this.fieldOf(node);
    const spec = Object.hasOwn(this.columns, field) ? this.columns[field] : undefined;
    if (spec === undefined) throw new Error(`scopeToSql: no column for field "${field}"`);
    return typeof spec === 'string' ? { expr: spec } : { expr: spec.column, element: spec.element };
  }

  private scalar(node: Ast, value: unknown): string | number | boolean {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      return value;
    }
    throw new Error(`scopeToSql: unsupported value ${String(value)} for "${this.fieldOf(node)}"`);
  }

  private param(value: unknown): string {
    const name = `${this.prefix}_${this.counter++}`;
    this.params[name] = value;
    return name;
  }
}
