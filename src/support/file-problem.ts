/**
 * A file (or option) the emulator cannot use, naming it and what is wrong, so a user knows where
 * to look. Subclasses say which kind of file; the CLI reports any of them and exits 1.
 */
export class FileProblem extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = new.target.name;
  }
}
