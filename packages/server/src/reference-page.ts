/**
 * The API reference page: one self-contained HTML page that reads /openapi.json
 * from this server and lists every operation with its parameters and request
 * schema. No script, style or font comes from anywhere else (teams may run the
 * workbench off-line, and it handles confidential material).
 */
export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Concord workbench API</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
details { margin: .4rem 0; border: 1px solid #ddd; border-radius: 4px; padding: .3rem .6rem; }
summary { cursor: pointer; } code, pre { font: 13px ui-monospace, monospace; }
pre { background: #f6f6f6; padding: .5rem; overflow: auto; }
.m { display: inline-block; width: 4.2rem; font-weight: bold; text-transform: uppercase; }
</style>
</head>
<body>
<h1>Concord workbench API</h1>
<p id="intro">Loading <a href="/openapi.json">/openapi.json</a>…</p>
<div id="ops"></div>
<script>
fetch("/openapi.json").then((r) => r.json()).then((doc) => {
  document.getElementById("intro").textContent = doc.info.description;
  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || "other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  const root = document.getElementById("ops");
  for (const [tag, ops] of byTag) {
    const h = document.createElement("h2"); h.textContent = tag; root.append(h);
    for (const { path, method, op } of ops) {
      const d = document.createElement("details");
      const s = document.createElement("summary");
      const m = document.createElement("span"); m.className = "m"; m.textContent = method;
      const p = document.createElement("code"); p.textContent = path;
      s.append(m, p, " — " + (op.summary || ""));
      const pre = document.createElement("pre");
      pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2);
      d.append(s, pre); root.append(d);
    }
  }
});
</script>
</body>
</html>
`;
