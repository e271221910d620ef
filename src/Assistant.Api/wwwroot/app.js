// The page talks only to the API it is served from: /v1/chat (streamed) and /v1/search.
"use strict";
const $ = (id) => document.getElementById(id);
let conversationId = null;

$("token").value = localStorage.getItem("raglegal-token") ?? "";
$("token").addEventListener("change", () => localStorage.setItem("raglegal-token", $("token").value.trim()));
$("new-conversation").addEventListener("click", () => { conversationId = null; $("answer").textContent = ""; $("sources").replaceChildren(); });

function normLink(normId, text) {
  const link = document.createElement("a");
  link.href = "/v1/norms/" + normId;
  link.textContent = text;
  return link;
}

async function problemText(response) {
  try { const problem = await response.json(); return problem.detail ?? problem.title ?? response.statusText; }
  catch { return response.status + " " + response.statusText; }
}

$("chat").addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = $("answer");
  answer.className = ""; answer.textContent = ""; $("sources").replaceChildren();
  const body = { conversationId, messages: [{ role: "user", content: $("question").value }] };
  const response = await fetch("/v1/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Authorization": "Bearer " + $("token").value.trim() },
    body: JSON.stringify(body),
  });
  if (!response.ok) { answer.className = "error"; answer.textContent = await problemText(response); return; }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5)).join("\n"));
      show(type, data);
    }
  }
});

function show(type, data) {
  const answer = $("answer");
  if (type === "sources") {
    conversationId = data.conversationId;
    for (const source of data.sources) {
      const item = document.createElement("li");
      item.id = "source-" + source.n;
      item.append("[" + source.n + "] ", normLink(source.normId, source.citation));
      if (source.heading) item.append(" — " + source.heading);
      $("sources").append(item);
    }
  } else if (type === "delta") {
    answer.textContent += data.text;
  } else if (type === "citations") {
    answer.textContent = data.answer;
    answer.className = data.mode;
    for (const citation of data.citations) $("source-" + citation.n)?.classList.add("cited");
  } else if (type === "error") {
    answer.className = "error";
    answer.textContent = data.detail ?? data.title;
  }
}

$("search").addEventListener("submit", async (event) => {
  event.preventDefault();
  const response = await fetch("/v1/search", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: $("query").value, lang: $("lang").value || null, top: 10 }),
  });
  const hits = $("hits");
  hits.replaceChildren();
  if (!response.ok) { hits.textContent = await problemText(response); return; }
  for (const hit of (await response.json()).hits) {
    const item = document.createElement("li");
    const snippet = document.createElement("small");
    snippet.textContent = " " + hit.snippet;
    item.append(normLink(hit.normId, hit.citation), document.createElement("br"), snippet);
    hits.append(item);
  }
});
