import { createRequire } from 'node:module';
import type { Ajv as AjvClass, Options, ValidateFunction } from 'ajv';

/**
 * An ajv validator compiled on its first use, for a schema that is only known at run time (the
 * emulator's own are compiled at build time: src/generated/validators.ts). ajv's compiler is
 * loaded then too: importing it cost ~75 ms of start-up (docs/performance.md), which runs that never
 * meet such a schema should not pay. Like ajv's own, `errors` holds the last call's problems.
 */
export function lazyValidator(schema: object, options: Options = {}): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= new (loadAjv())(options).compile(schema);
    const ok = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return ok;
  }) as ValidateFunction;
  return validate;
}

function loadAjv(): typeof AjvClass {
  // ajv is CommonJS, so require loads it synchronously, as a validator call needs.
  return (createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass }).Ajv;
}
