const MAX_NAME = 80;

/**
 * The task's human-readable name, derived from its prompt: the first non-empty line, white space
 * folded, cut at a word boundary to 80 characters. GitHub does not document its rule
 * (docs/fidelity.md).
 */
export function deriveTaskName(prompt: string): string {
  const line = prompt.split(/\r?\n/).map(foldWhiteSpace).find((l) => l.length > 0) ?? '';
  if (line.length <= MAX_NAME) return line;
  const cut = line.slice(0, MAX_NAME - 1);
  const space = cut.lastIndexOf(' ');
  // Joined, not concatenated: one flat string for the task's whole life (support/flat-string.ts).
  return [(space > MAX_NAME / 2 ? cut.slice(0, space) : cut).trimEnd(), '…'].join('');
}

/**
 * Runs of white space as one space, trimmed. Most lines need no folding, and `replace` would copy
 * them anyway; left alone, the name stays a slice of the prompt (which the task keeps), 32 bytes
 * where a copy of a typical name is about 60.
 */
function foldWhiteSpace(line: string): string {
  return (/[^\S ]| {2}/.test(line) ? line.replace(/\s+/g, ' ') : line).trim();
}

/** A branch name in the shape Copilot uses: `copilot/<slug>`. */
export function branchNameFor(name: string, suffix: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  // Joined, not concatenated: one flat string for the task's whole life (support/flat-string.ts).
  return ['copilot/', slug || 'task', '-', suffix].join('');
}
