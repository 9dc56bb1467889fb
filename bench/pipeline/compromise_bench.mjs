// compromise_bench.mjs: entity extraction with npm `compromise` on the same
// corpus newsgraph reads, for bench/run's side-by-side ratio.
//
//   node compromise_bench.mjs CORPUS_DIR [--max-words N]
//
// Reads the corpus's JSON Lines and .txt files (title + body, as newsgraph's
// readers give them), then times, for each article, what compromise offers
// closest to newsgraph's extractor: parsing the text and listing its people,
// places and organisations (`nlp(text).people()/.places()/.organizations()`).
// It does not attribute quotes (compromise has no such feature), so the
// comparison flatters compromise. With --max-words it stops after that many
// words (compromise is slow; words/s is what is compared). Prints
// "key<TAB>value" lines like pipeline_bench. Run from a directory where
// `npm install compromise` was done (bench/run does this in its work dir).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'noop.js'));
const nlp = require('compromise');

const args = process.argv.slice(2);
const dir = args[0];
let maxWords = Infinity;
for (let i = 1; i < args.length; ++i) {
  if (args[i] === '--max-words') maxWords = Number(args[++i]);
}

function* files(root) {
  const entries = fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = path.join(root, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

const texts = [];
for (const file of files(dir)) {
  if (file.endsWith('.jsonl')) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const record = JSON.parse(line);
      texts.push(`${record.title}\n\n${record.text}`);
    }
  } else if (file.endsWith('.txt')) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
    texts.push(`${lines[0]}\n\n${lines.slice(1).join('\n\n')}`);
  }
}

const countWords = (t) => t.split(/\s+/).filter((w) => w.length > 0).length;
let words = 0;
let bytes = 0;
let articles = 0;
let entities = 0;
nlp('Warm up the lexicon, Anna Berg said in Oslo.').people();
const start = process.hrtime.bigint();
for (const text of texts) {
  if (words >= maxWords) break;
  const doc = nlp(text);
  entities += doc.people().length + doc.places().length + doc.organizations().length;
  words += countWords(text);
  bytes += Buffer.byteLength(text, 'utf8');
  ++articles;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`articles\t${articles}`);
console.log(`words\t${words}`);
console.log(`bytes\t${bytes}`);
console.log(`entities\t${entities}`);
console.log(`extract_ms\t${ms.toFixed(3)}`);
console.log(`peak_rss_kb\t${Math.round(process.resourceUsage().maxRSS)}`);
