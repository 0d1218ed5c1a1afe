// Reads the contract suite's sources with the TypeScript parser and reports what breaks the
// suite's rules: tests declared without contractTest, declarations that are not literal, focus
// or skip modifiers, and imports from src/. The meta-test applies it to test/contract.
import ts from 'typescript';

export interface Declaration {
  file: string;
  name: string;
  runsOn: string;
  behaviour: string;
  /** Targets the declaration lists a known gap for. */
  knownGapOn: string[];
  line: number;
}

export interface ScanResult {
  declarations: Declaration[];
  violations: string[];
}

const RUNS_ON = new Set(['both', 'emulator', 'github']);
const BARE_TEST_APIS = new Set(['it', 'test', 'bench']);
const FORBIDDEN_SUITE_MODIFIERS = new Set(['skip', 'only', 'todo', 'skipIf', 'runIf']);

/**
 * `isTestFile`: a *.test.ts file, which must declare at least one contract test. Harness files
 * (the wrapper itself uses vitest's `test`) are only checked for imports from src/.
 */
export function scanContractSource(file: string, text: string, isTestFile: boolean): ScanResult {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declarations: Declaration[] = [];
  const violations: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      if (/(^|\/)src(\/|$)/.test(from)) violations.push(`${at(node)}: imports from src/ ("${from}"); the contract suite talks HTTP only`);
      const named = node.importClause?.namedBindings;
      if (isTestFile && from === 'vitest' && named && ts.isNamedImports(named)) {
        for (const el of named.elements) {
          const imported = (el.propertyName ?? el.name).text;
          if (BARE_TEST_APIS.has(imported)) violations.push(`${at(el)}: imports ${imported} from vitest; declare tests with contractTest`);
        }
      }
    }
    if (ts.isCallExpression(node) && isTestFile) {
      const root = calleeRoot(node.expression);
      if (root && BARE_TEST_APIS.has(root)) violations.push(`${at(node)}: bare ${node.expression.getText(source)}(); declare tests with contractTest`);
      if (ts.isPropertyAccessExpression(node.expression) && FORBIDDEN_SUITE_MODIFIERS.has(node.expression.name.text)) {
        violations.push(`${at(node)}: ${node.expression.getText(source)} hides or focuses tests; a test that does not apply says so through its declaration`);
      }
      if (ts.isIdentifier(node.expression) && node.expression.text === 'contractTest') {
        const declaration = readDeclaration(node, file, at(node), source, violations);
        if (declaration) declarations.push(declaration);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (isTestFile && declarations.length === 0 && violations.length === 0) violations.push(`${file}: declares no contractTest`);
  return { declarations, violations };
}

function calleeRoot(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return calleeRoot(expr.expression);
  if (ts.isCallExpression(expr)) return calleeRoot(expr.expression); // test.each([...])(...)
  return undefined;
}

function readDeclaration(call: ts.CallExpression, file: string, where: string, source: ts.SourceFile, violations: string[]): Declaration | undefined {
  const [nameArg, declArg] = call.arguments;
  if (!nameArg || !ts.isStringLiteralLike(nameArg)) {
    violations.push(`${where}: contractTest needs a literal test name`);
    return undefined;
  }
  if (!declArg || !ts.isObjectLiteralExpression(declArg)) {
    violations.push(`${where}: contractTest needs a literal declaration object ({ runsOn, behaviour })`);
    return undefined;
  }
  const literal = (key: string) => {
    const prop = declArg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === key);
    return prop && ts.isStringLiteralLike(prop.initializer) ? prop.initializer.text : undefined;
  };
  const runsOn = literal('runsOn');
  const behaviour = literal('behaviour');
  if (!runsOn || !RUNS_ON.has(runsOn)) violations.push(`${where}: runsOn must be the literal 'both', 'emulator' or 'github'`);
  if (!behaviour) violations.push(`${where}: behaviour must be a literal id from docs/fidelity.md`);
  if (!runsOn || !RUNS_ON.has(runsOn) || !behaviour) return undefined;
  const gaps = declArg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'knownGap');
  const knownGapOn =
    gaps && ts.isObjectLiteralExpression(gaps.initializer) ? gaps.initializer.properties.map((p) => p.name?.getText(source) ?? '?') : [];
  if (gaps && !ts.isObjectLiteralExpression(gaps.initializer)) violations.push(`${where}: knownGap must be a literal object`);
  return { file, name: nameArg.text, runsOn, behaviour, knownGapOn, line: source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1 };
}
