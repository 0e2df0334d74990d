// validate.js FILE — Learning Locker's validator (@learninglocker/xapi-validation) over every
// statement of an xAPI export (one JSON array); prints each warning and "N statements, N
// warnings"; exit 1 when any statement has a warning.
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;
const all = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let warnings = 0;
for (const s of all) {
  const w = validate(s);
  if (w.length) {
    warnings += w.length;
    console.log(s.id, JSON.stringify(w).slice(0, 400));
  }
}
console.log(`${all.length} statements, ${warnings} warnings`);
process.exit(warnings || !all.length ? 1 : 0);
