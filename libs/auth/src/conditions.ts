// Condition operators beyond CASL's defaults, for the in-memory matcher.
// `$within` (jurisdiction): value P matches a path X when X === P or X starts with P + '.'.
// `$and` / `$or`: explicit logic inside one rule's conditions.
// The SQL side of the same operators is in scope-to-sql.ts; keep them in step.
import { buildMongoQueryMatcher, type ConditionsMatcher, type MongoQuery } from '@casl/ability';

type MatcherArgs = Parameters<typeof buildMongoQueryMatcher>;
type Instructions = NonNullable<MatcherArgs[0]>;
type Interpreters = NonNullable<MatcherArgs[1]>;

/** True when `path` equals `root` or lies below it in the region tree. */
export function isWithinPath(path: unknown, root: string): boolean {
  return typeof path === 'string' && (path === root || path.startsWith(`${root}.`));
}

/** A materialised region path: non-empty codes joined by '.'. */
export function isRegionPath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.split('.').every((code) => code.length > 0);
}

interface Named {
  name: string;
}

const instructions: Instructions = {
  $within: {
    type: 'field',
    validate(instruction: Named, value: unknown) {
      if (!isRegionPath(value)) {
        throw new Error(`"${instruction.name}" expects a region path such as "330400.330402", got ${JSON.stringify(value)}`);
      }
    },
  },
  $and: { type: 'compound', validate: ensureNonEmptyArray },
  $or: { type: 'compound', validate: ensureNonEmptyArray },
};

interface FieldNode {
  field: string;
  value: unknown;
}
interface CompoundNode {
  value: unknown[];
}
interface InterpretContext {
  get(object: unknown, field: string): unknown;
  interpret(node: unknown, object: unknown): boolean;
}

const interpreters: Interpreters = {
  within: (node: FieldNode, object: unknown, { get }: InterpretContext) =>
    isWithinPath(get(object, node.field), node.value as string),
  or: (node: CompoundNode, object: unknown, { interpret }: InterpretContext) =>
    node.value.some((condition) => interpret(condition, object)),
};

function ensureNonEmptyArray(instruction: Named, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`"${instruction.name}" expects a non-empty array of conditions`);
  }
}

/** CASL's mongo matcher plus `$within`, `$and`, `$or`. The same on server and browser. */
export const conditionsMatcher: ConditionsMatcher<MongoQuery> = buildMongoQueryMatcher(instructions, interpreters);
