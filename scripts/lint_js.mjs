// Lints Public/js in one dialect: each file is a classic browser script (no modules, no build step)
// wrapped in an IIFE that starts with "use strict", written in ES2017 (const/let, arrow functions),
// with strict equality only and double-quoted strings (single quotes only around a string that
// holds double quotes, such as a CSS selector). Uses Node's own parser; nothing to install.
import { readFileSync, readdirSync } from "node:fs";
import { Script } from "node:vm";
import { join } from "node:path";

const dir = process.argv[2] || "Public/js";
const problems = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js")).sort()) {
  const path = join(dir, name);
  const text = readFileSync(path, "utf8");
  try { new Script(text, { filename: path }); } catch (error) { problems.push(`${path}: does not parse: ${error.message}`); continue; }
  const code = text.split("\n").map((line) => line.replace(/\/\/.*$/, ""));
  const body = code.filter((line) => line.trim() !== "");
  if (!/^\(function \(\) \{$/.test(body[0] || "") || !/^\s+"use strict";$/.test(body[1] || "")) {
    problems.push(`${path}: must be (function () { "use strict"; … })();`);
  }
  code.forEach((line, index) => {
    const where = `${path}:${index + 1}`;
    const stripped = line.replace(/'[^'\\]*"[^'\\]*'/g, "\"\"").replace(/"(?:[^"\\]|\\.)*"/g, "\"\"").replace(/`(?:[^`\\]|\\.)*`/g, "``").replace(/\/(?:[^/\\\n]|\\.)+\/[gimsuy]*/g, "/re/");
    if (/\bvar\s/.test(stripped)) problems.push(`${where}: use const or let, not var`);
    if (/[^=!<>]==[^=]|!=[^=]/.test(stripped)) problems.push(`${where}: use === and !==`);
    if (/'/.test(stripped)) problems.push(`${where}: use double quotes`);
  });
}
if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
console.log(`Public/js: ${readdirSync(dir).filter((f) => f.endsWith(".js")).length} files in one dialect`);
