import { Ajv, type Options, type ValidateFunction } from 'ajv';

/**
 * An ajv validator compiled on its first use. Compiling (and making an Ajv instance, which
 * compiles the meta-schema) was most of the emulator's start-up time (bench/RESULTS.md), and most
 * validators serve requests that many runs never make. Like ajv's own, `errors` holds the last
 * call's problems.
 */
export function lazyValidator(schema: object, options: Options = {}): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= new Ajv(options).compile(schema);
    const ok = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return ok;
  }) as ValidateFunction;
  return validate;
}
