import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];
type Grouped = Record<string, ValidationMetadata[]>;

const installed = new WeakSet<Storage>();

/**
 * class-validator works out a class's constraints anew for every object it validates: it scans the
 * metadata of every decorated class for parents and groups them by property. For the case-action body
 * that was about 4 % of the API's CPU per action (bench:write profile, issue [1/10]). The answer only
 * changes when a decorator registers metadata, so it is kept per class and options until then.
 * Callers only read what they get (ValidationExecutor filters and iterates it).
 */
export function cacheConstraintLookups(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let found = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Grouped>();
  const forget = () => {
    found = new Map();
    grouped = new WeakMap();
  };

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = found.get(target);
    if (!byOptions) found.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let result = grouped.get(metadatas);
    if (!result) grouped.set(metadatas, (result = group(metadatas)));
    return result;
  };
  for (const method of ['addValidationMetadata', 'addValidationSchema', 'addConstraintMetadata'] as const) {
    const add = (storage[method] as (arg: never) => void).bind(storage);
    (storage[method] as (arg: never) => void) = (arg: never) => {
      forget();
      add(arg);
    };
  }
}
