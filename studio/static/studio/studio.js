// Studio pages: editors on every textarea with a language, the live preview, the runs of a lesson's blocks,
// the sandbox validation of an exercise draft, and the wrong-attempt rows.
(function () {
  "use strict";
  const csrf = () => (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  const text = (tag, className, content) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  };

  // ----------------------------------------------------------- live preview
  const preview = document.querySelector("[data-preview-url]");
  let lastBlocks = null;
  function refreshPreview(markdown) {
    const body = new URLSearchParams({ markdown });
    fetch(preview.dataset.previewUrl, {
      method: "POST", body, headers: { "X-CSRFToken": csrf() }, credentials: "same-origin",
    }).then((r) => r.json()).then((data) => {
      if (data.html === undefined) { preview.textContent = data.detail || "No se pudo generar la vista previa."; return; }
      preview.innerHTML = data.html;
      preview.dataset.rendered = String(Number(preview.dataset.rendered || 0) + 1);
      if (lastBlocks) markBlocks(lastBlocks);
    });
  }
  let timer = null;
  const schedule = (value) => { clearTimeout(timer); timer = setTimeout(() => refreshPreview(value), 250); };

  // ----------------------------------------------------------- editors
  document.querySelectorAll("textarea[data-language]").forEach((area) => {
    const live = preview && area.dataset.preview === "1";
    window.StudioEditor.create(area, { onChange: live ? schedule : null });
    if (live) refreshPreview(area.value);
  });

  // ----------------------------------------------------------- runnable blocks of a saved lesson
  function markBlocks(results) {
    const blocks = preview ? preview.querySelectorAll(".runnable") : [];
    results.forEach((result) => {
      const block = blocks[result.number - 1];
      if (!block) return;
      const old = block.nextElementSibling;
      if (old && old.classList.contains("block-result")) old.remove();
      const note = text("p", "block-result " + (result.ok ? "ok" : "ko"),
        result.ok ? "✓ El bloque se ejecuta sin errores" : "✗ " + result.message);
      block.after(note);
    });
  }
  const runBox = document.querySelector("[data-block-run]");
  function pollBlocks() {
    fetch(runBox.dataset.blockRun, { credentials: "same-origin" }).then((r) => r.json()).then((run) => {
      runBox.querySelector(".run-status").textContent = run.label;
      runBox.dataset.status = run.status;
      if (run.status === "queued" || run.status === "running") { setTimeout(pollBlocks, 1000); return; }
      const list = runBox.querySelector(".run-results");
      list.innerHTML = "";
      run.results.forEach((result) => {
        const item = text("li", result.ok ? "ok" : "ko");
        const jump = text("button", "linklike", `Bloque ${result.number} (línea ${result.line})`);
        jump.type = "button";
        jump.addEventListener("click", () => {
          const editor = window.StudioEditor.get("body");
          if (editor) editor.goToLine(result.line);
        });
        const lastLine = (result.message || "").trim().split("\n").pop();
        item.append(jump, text("span", "", result.ok ? " — sin errores" : " — " + lastLine));
        list.append(item);
      });
      lastBlocks = run.results;
      markBlocks(run.results);
    });
  }
  if (runBox) pollBlocks();

  // ----------------------------------------------------------- exercise validation
  const status = document.querySelector("[data-status-url]");
  function pollValidation() {
    fetch(status.dataset.statusUrl, { credentials: "same-origin" }).then((r) => r.json()).then((data) => {
      status.dataset.status = data.status;
      status.querySelector(".verdict").className = "verdict " + data.status;
      status.querySelector(".verdict").textContent = data.label;
      const list = status.querySelector(".problems");
      list.innerHTML = "";
      data.problems.forEach((problem) => list.append(text("li", "error-line", problem)));
      const publish = document.querySelector("#publish");
      if (publish) publish.disabled = !data.can_publish;
      if (data.status === "queued" || data.status === "running") setTimeout(pollValidation, 1500);
    });
  }
  if (status) pollValidation();

  // ----------------------------------------------------------- wrong attempts
  const addWrong = document.querySelector("#add-wrong");
  if (addWrong) {
    addWrong.addEventListener("click", () => {
      const template = document.querySelector("#wrong-template");
      const row = template.content.firstElementChild.cloneNode(true);
      document.querySelector("#wrong-list").append(row);
      window.StudioEditor.create(row.querySelector("textarea"));
      row.querySelector("input").focus();
    });
  }
  document.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-remove-wrong]");
    if (!remove) return;
    const row = remove.closest(".wrong-row");
    row.querySelector("input").value = "";
    row.querySelector("textarea").value = "";
    row.hidden = true;
  });

  // ----------------------------------------------------------- conflict: copy the disk version into the box
  document.querySelectorAll("[data-copy-from]").forEach((button) => {
    button.addEventListener("click", () => {
      const source = document.getElementById(button.dataset.copyFrom).textContent;
      const editor = window.StudioEditor.get("text");
      if (editor) editor.setValue(source);
    });
  });

})();
