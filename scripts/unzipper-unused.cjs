// Stands in for unzipper in lamd's bundle of exceljs (scripts/build.mjs): only exceljs's streaming
// workbook reader uses it, and lamd reads a workbook whole (workbook.xlsx.load), after inflating its
// zip itself with hard limits (src/import/workbook.ts). Left out, unzipper takes with it some hundred
// small packages (polyfills among them) that every install and the notices would carry.
'use strict';
module.exports = {
  Parse() {
    throw new Error('lamd does not bundle unzipper: exceljs streaming workbook reader is not available');
  },
};
