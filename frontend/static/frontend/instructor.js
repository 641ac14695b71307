// Instructor dashboards: sortable and filterable tables, and the activity chart.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("th[data-sort]").forEach((th) => {
      // A real button inside the column header keeps the header's meaning and is reachable by keyboard.
      const column = th.cellIndex;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("scope", "col");
      const sort = () => {
        const numeric = th.dataset.sort === "number";
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach((other) => other.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const value = (row) => {
          const text = row.cells[column].textContent.trim();
          return numeric ? parseFloat(text) || 0 : text.toLowerCase();
        };
        Array.from(body.rows).sort((a, b) => {
          const [x, y] = [value(a), value(b)];
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        }).forEach((row) => body.appendChild(row));
      };
      button.addEventListener("click", sort);
    });
  });
  document.querySelectorAll(".table-filter").forEach((input) => {
    const table = document.getElementById(input.dataset.table);
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      Array.from(table.tBodies[0].rows).forEach((row) => {
        row.hidden = needle && !row.cells[0].textContent.toLowerCase().includes(needle);
      });
    });
  });
  const data = document.getElementById("activity-data");
  const activity = data ? JSON.parse(data.textContent) : null;
  // The chart's text alternative: the same numbers as a table under it.
  const rows = document.querySelector("#activity-table tbody");
  if (activity && rows) {
    activity.labels.forEach((label, i) => {
      const row = rows.insertRow();
      const day = document.createElement("th");
      day.scope = "row";
      day.textContent = label;
      row.appendChild(day);
      [activity.submissions[i], activity.passes[i]].forEach((value) => { row.insertCell().textContent = value; });
    });
  }
  if (activity && window.Chart) {
    const styles = getComputedStyle(document.documentElement);
    window.Chart.defaults.color = styles.getPropertyValue("--muted").trim() || "#5b6472";
    window.Chart.defaults.borderColor = styles.getPropertyValue("--line").trim() || "#e3e6ec";
    new window.Chart(document.getElementById("activity"), {
      type: "bar",
      data: {
        labels: activity.labels.map((d) => d.slice(5)),
        datasets: [
          { label: "Envíos", data: activity.submissions, backgroundColor: "#f4a48f" },
          { label: "Superados", data: activity.passes, backgroundColor: "#1a7f37" },
        ],
      },
      options: { animation: false, plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
})();
