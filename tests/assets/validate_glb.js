// Runs the Khronos glTF-Validator over every .glb named on the command line in one node process and prints one
// JSON object: {path: {errors, warnings, messages: [{code, severity, pointer, message}]}}.
// NODE_PATH must hold the node_modules folder with the `gltf-validator` package (tests/assets/test_validator.py).
"use strict";
const fs = require("fs");
const validator = require("gltf-validator");

async function main(paths) {
  const reports = {};
  for (const path of paths) {
    const report = await validator.validateBytes(new Uint8Array(fs.readFileSync(path)), {
      uri: path, maxIssues: 50, externalResourceFunction: () => Promise.reject(new Error("no external resources")),
    });
    reports[path] = {
      errors: report.issues.numErrors,
      warnings: report.issues.numWarnings,
      messages: report.issues.messages.filter((m) => m.severity <= 1),
    };
  }
  process.stdout.write(JSON.stringify(reports));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
