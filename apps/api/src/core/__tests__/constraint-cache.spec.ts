import { IsInt, IsString, MaxLength, getMetadataStorage, registerDecorator } from 'class-validator';
import type { AppError } from '../errors/app-error.js';
import { createValidationPipe } from '../errors/validation.js';

/** The refused fields of `body` as a `metatype`, or [] when accepted. */
async function refused(metatype: new () => object, body: object): Promise<(string | undefined)[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (e) {
    return ((e as AppError).details ?? []).map((d) => d.field).sort();
  }
}

class Parent {
  @IsString() @MaxLength(3) name!: string;
}

describe('cached constraint lookups (class-validator)', () => {
  it('answers repeated validations from one lookup, with the same result', async () => {
    const storage = getMetadataStorage();
    expect(await refused(Parent, { name: 'toolong' })).toEqual(['name']);
    const first = storage.getTargetValidationMetadatas(Parent, '', false, false);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(await refused(Parent, { name: 'ok' })).toEqual([]);
    expect(await refused(Parent, { name: 'ok', extra: 1 })).toEqual(['extra']);
  });

  it('sees constraints registered after a lookup was cached (a class declared later, a decorator added later)', async () => {
    expect(await refused(Parent, { name: 'ok', age: 3 })).toEqual(['age']);
    // A subclass declared now inherits Parent's constraints and adds its own.
    class Child extends Parent {
      @IsInt() age!: number;
    }
    expect(await refused(Child, { name: 'toolong', age: 'x' })).toEqual(['age', 'name']);
    expect(await refused(Child, { name: 'ok', age: 3 })).toEqual([]);
    // A constraint added to Parent itself after it was validated counts from then on.
    registerDecorator({ target: Parent, propertyName: 'nickname', validator: { validate: (v: unknown) => v === undefined || typeof v === 'string' } });
    expect(await refused(Parent, { name: 'ok', nickname: 'x' })).toEqual([]);
    expect(await refused(Parent, { name: 'ok', nickname: 5 })).toEqual(['nickname']);
    expect(await refused(Child, { name: 'ok', age: 3, nickname: 5 })).toEqual(['nickname']);
  });
});
