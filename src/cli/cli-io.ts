/** Where a command writes; main.ts passes stdout and stderr, tests pass collectors. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
