#include "server/page.hpp"

namespace ng::server {

namespace {

constexpr std::string_view kPage = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsgraph SPARQL</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
textarea { width: 100%; height: 14em; font: 14px/1.4 monospace; box-sizing: border-box; }
button { font-size: 15px; padding: 0.3em 1.2em; margin: 0.5em 0; }
table { border-collapse: collapse; margin-top: 0.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
#status { color: #555; margin-left: 1em; }
.error { color: #a00; white-space: pre-wrap; }
pre { background: #f7f7f7; padding: 0.6em; overflow: auto; }
</style>
</head>
<body>
<h1>newsgraph SPARQL</h1>
<p>Who said what about whom: ask the graph. The prefixes <code>schema:</code>, <code>ng:</code>,
<code>rdf:</code>, <code>xsd:</code> and the others newsgraph writes are declared already.
Ctrl+Enter runs the query. The same endpoint answers programs at <code>/sparql</code>.</p>
<textarea id="query" spellcheck="false">SELECT ?speaker (COUNT(DISTINCT ?statement) AS ?statements)
WHERE {
  ?statement a schema:Quotation ; schema:creator ?who .
  ?who schema:name ?speaker .
}
GROUP BY ?speaker
ORDER BY DESC(?statements) ?speaker
LIMIT 20</textarea>
<div><button id="run">Run</button><span id="status"></span></div>
<div id="result"></div>
<script>
const query = document.getElementById('query');
const statusLine = document.getElementById('status');
const result = document.getElementById('result');
function text(s) { const span = document.createElement('span'); span.textContent = s; return span.innerHTML; }
function cell(term) {
  if (!term) return '';
  if (term.type === 'uri') return '&lt;' + text(term.value) + '&gt;';
  if (term.type === 'bnode') return '_:' + text(term.value);
  let s = text(term.value);
  if (term['xml:lang']) s += ' <small>@' + text(term['xml:lang']) + '</small>';
  return s;
}
async function run() {
  const started = performance.now();
  statusLine.textContent = 'running…';
  result.innerHTML = '';
  const graph = /^\s*(PREFIX[^\n]*\n\s*|BASE[^\n]*\n\s*|#[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b/i.test(query.value);
  const response = await fetch('sparql', {
    method: 'POST',
    headers: {'Content-Type': 'application/sparql-query',
              'Accept': graph ? 'text/turtle' : 'application/sparql-results+json'},
    body: query.value
  });
  const body = await response.text();
  const ms = Math.round(performance.now() - started);
  if (!response.ok) {
    statusLine.textContent = response.status + ' (' + ms + ' ms)';
    result.innerHTML = '<p class="error">' + text(body) + '</p>';
    return;
  }
  if (graph) {
    statusLine.textContent = ms + ' ms';
    result.innerHTML = '<pre>' + text(body) + '</pre>';
    return;
  }
  const data = JSON.parse(body);
  if ('boolean' in data) {
    statusLine.textContent = ms + ' ms';
    result.innerHTML = '<p><b>' + data.boolean + '</b></p>';
    return;
  }
  const vars = data.head.vars;
  const rows = data.results.bindings;
  let html = '<table><tr>' + vars.map(v => '<th>?' + text(v) + '</th>').join('') + '</tr>';
  for (const row of rows) html += '<tr>' + vars.map(v => '<td>' + cell(row[v]) + '</td>').join('') + '</tr>';
  result.innerHTML = html + '</table>';
  statusLine.textContent = rows.length + (rows.length === 1 ? ' row, ' : ' rows, ') + ms + ' ms';
}
document.getElementById('run').addEventListener('click', run);
query.addEventListener('keydown', e => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); run(); } });
</script>
</body>
</html>
)html";

}  // namespace

std::string_view query_page() { return kPage; }

}  // namespace ng::server
