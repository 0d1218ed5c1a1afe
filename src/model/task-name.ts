const MAX_NAME = 80;
const DASH = '-'.charCodeAt(0);
const CR = '\r'.charCodeAt(0);

/**
 * The task's human-readable name, derived from its prompt: the first non-empty line, white space
 * folded, cut at a word boundary to 80 characters. GitHub does not document its rule
 * (docs/fidelity.md).
 */
export function deriveTaskName(prompt: string): string {
  let line = '';
  // Line by line (at \n or \r\n) up to the first with text, rather than splitting a prompt of
  // perhaps thousands of lines into strings to use one of them.
  for (let start = 0; start <= prompt.length; ) {
    let end = prompt.indexOf('\n', start);
    if (end === -1) end = prompt.length;
    const raw = prompt.slice(start, end > start && prompt.charCodeAt(end - 1) === CR ? end - 1 : end);
    if ((line = foldWhiteSpace(raw)).length > 0) break;
    start = end + 1;
  }
  if (line.length <= MAX_NAME) return line;
  const cut = line.slice(0, MAX_NAME - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_NAME / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
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
  // Runs of other characters become one dash, so trimming is a matter of one character at
  // either end (and at the cut), found by index rather than by two more passes of a RegExp.
  const dashed = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const start = dashed.charCodeAt(0) === DASH ? 1 : 0;
  let end = Math.min(dashed.length - (dashed.charCodeAt(dashed.length - 1) === DASH ? 1 : 0), start + 40);
  if (end > start && dashed.charCodeAt(end - 1) === DASH) end--;
  const slug = end > start ? dashed.slice(start, end) : '';
  return `copilot/${slug || 'task'}-${suffix}`;
}
