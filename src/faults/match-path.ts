// Path patterns of fault rules. Globs are the common case ("/agents/repos/*/*/tasks");
// path_regex is there for what globs cannot say. Both ignore case, as GitHub ignores the case of
// owner and repository names.

/** `*` matches within one path segment, `**` across segments, `?` one character; the rest is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** The regular expression of a path_regex, or the reason it is not one. */
export function compilePathRegex(source: string): RegExp | string {
  try {
    return new RegExp(source, 'i');
  } catch (error) {
    return (error as Error).message;
  }
}
