/**
 * `text` as one flat string. V8 keeps a string built by concatenation (a template literal, `+=`)
 * as a tree of its pieces, and once something reads it whole it keeps the flat copy as well as the
 * tree's root: a 36-character id built from ten pieces held about 180 bytes more than its flat
 * copy. Strings kept for a task's whole life are made flat (ids and branch names are joined from
 * arrays); this copies one made elsewhere (faker's ids), once. Joining code units is lossless for
 * any string, but slow: not for per-request paths.
 */
export function flatString(text: string): string {
  return text.length < 13 ? text : Array.prototype.join.call(text, '');
}
