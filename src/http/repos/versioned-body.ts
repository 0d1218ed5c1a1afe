// What API version 2026-03-10 removed from the answers of the repository operations, read from
// the slice (scripts/update-spec.mjs records it with its source, GitHub's changelog).

export type VersionRemovals = Record<string, { schemas: Record<string, readonly string[]> }>;

/** The removals table of the slice's info, or none. */
export function readVersionRemovals(spec: object): VersionRemovals {
  const info = (spec as { info?: { 'x-api-version-removals'?: VersionRemovals } }).info;
  return info?.['x-api-version-removals'] ?? {};
}

/** A function that takes out of `body` (of schema `schema`) the fields `version` no longer has. */
export function createFieldRemover(removals: VersionRemovals) {
  return <T extends object>(version: string, schema: string, body: T): T => {
    const fields = removals[version]?.schemas[schema];
    if (!fields) return body;
    const out = { ...body } as Record<string, unknown>;
    for (const f of fields) delete out[f];
    return out as T;
  };
}

export type FieldRemover = ReturnType<typeof createFieldRemover>;
